package dev.aftersales.load;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;

/**
 * What a load run is pointed at, from system properties ({@code -Dload.…} on the Maven command line):
 *
 * <pre>
 *   load.baseUrl    the running desk                                   http://localhost:8080
 *   load.data       demo | generated: which accounts sign in             demo
 *   load.users      virtual users of the mix (closed: each one signs in once and keeps working)   20
 *   load.duration   seconds the mix runs                                 60
 *   load.rampUp     seconds over which the users arrive                  10
 *   load.password   the accounts' password                               demo
 *   load.apiKey     the storefront's integration key                     demo-storefront-key
 *   load.pages      saturation: the pages to measure, comma separated    all of them
 *   load.maxUsers   saturation: the most concurrent users per page       32
 *   load.levels     saturation: steps from a few users to load.maxUsers  4
 *   load.levelSeconds saturation: seconds each step lasts                20
 * </pre>
 *
 * The demo data signs in as {@code buyer}…{@code buyer10}, {@code seller}…{@code seller3}, {@code agent} and
 * {@code agent2}; the generated data as {@code gen-buyer}, {@code gen-seller}, {@code gen-agent} and
 * {@code gen-agent2} (generate it with {@code --aftersales.generate.accounts=true}).
 */
final class LoadConfig {

    private LoadConfig() {
    }

    static String baseUrl() {
        return System.getProperty("load.baseUrl", "http://localhost:8080").replaceAll("/+$", "");
    }

    static boolean generated() {
        return "generated".equalsIgnoreCase(System.getProperty("load.data", "demo"));
    }

    static int users() {
        return Integer.getInteger("load.users", 20);
    }

    static Duration duration() {
        return Duration.ofSeconds(Long.getLong("load.duration", 60));
    }

    static Duration rampUp() {
        return Duration.ofSeconds(Long.getLong("load.rampUp", 10));
    }

    static String password() {
        return System.getProperty("load.password", "demo");
    }

    static String apiKey() {
        return System.getProperty("load.apiKey", "demo-storefront-key");
    }

    static List<String> buyers() {
        return generated() ? List.of("gen-buyer")
                : List.of("buyer", "buyer2", "buyer3", "buyer4", "buyer5", "buyer6", "buyer7", "buyer8", "buyer9",
                        "buyer10");
    }

    /** How many pages of their order list buyers browse (the generated buyer has a hundred of them). */
    static int orderPages() {
        return generated() ? 10 : 2;
    }

    static List<String> sellers() {
        return generated() ? List.of("gen-seller") : List.of("seller", "seller2", "seller3");
    }

    static List<String> agents() {
        return generated() ? List.of("gen-agent", "gen-agent2") : List.of("agent", "agent2");
    }

    /** The shop and product the storefront's orders are for: a code, a SKU and its unit price in fen. */
    static String apiShop() {
        return System.getProperty("load.apiShop", generated() ? "GEN01" : "sunny-orchard");
    }

    static String apiSku() {
        return System.getProperty("load.apiSku", generated() ? "GEN01-P01" : "KIWI-12");
    }

    static long apiUnitPrice() {
        return Long.getLong("load.apiUnitPrice", generated() ? 1231 : 3990);
    }

    static List<String> pages() {
        String pages = System.getProperty("load.pages", "");
        return pages.isBlank() ? List.of() : Arrays.stream(pages.split(",")).map(String::strip).toList();
    }

    static int maxUsers() {
        return Integer.getInteger("load.maxUsers", 32);
    }

    static int levels() {
        return Integer.getInteger("load.levels", 4);
    }

    static Duration levelDuration() {
        return Duration.ofSeconds(Long.getLong("load.levelSeconds", 20));
    }
}
