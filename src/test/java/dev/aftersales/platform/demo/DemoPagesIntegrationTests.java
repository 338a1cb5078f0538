package dev.aftersales.platform.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import dev.aftersales.support.DemoDataTest;
import dev.aftersales.support.Messages;
import dev.aftersales.support.PageText;

/**
 * Every page of the demo, as each role sees it in each language, reads as words and times a person understands.
 * Starting from the role's home after signing in, the test follows every same-origin link (GET only, at most
 * {@value #MAX_PAGES} pages, no downloads, no sign-out, no language switch) and fails on a page that does not answer
 * 200 or whose visible text (tags, scripts and attribute values left out) shows an ISO-8601 instant, a raw message or
 * property key, a {@code {0}}-style placeholder, or a heading with nothing under it.
 */
class DemoPagesIntegrationTests extends DemoDataTest {

    static final int MAX_PAGES = 150;

    static final Pattern ISO_INSTANT = Pattern.compile("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}");
    static final Pattern PLACEHOLDER = Pattern.compile("\\{\\d+(?:,[^}]*)?}");
    static final Pattern MISSING_MESSAGE = Pattern.compile("\\?\\?\\S+?\\?\\?");
    /** A dotted key that starts like one of the desk's message keys or properties ("claim.status.X", "aftersales."). */
    static final Pattern RAW_KEY = rawKeyPattern();

    static Stream<Arguments> rolesAndLanguages() {
        return Stream.of("buyer", "seller", "agent", "admin")
                .flatMap(role -> Stream.of(Arguments.of(role, "en"), Arguments.of(role, "zh-CN")));
    }

    @ParameterizedTest(name = "{0} in {1}")
    @MethodSource("rolesAndLanguages")
    void everyPageOfTheRoleReadsAsWordsAndTimesInTheLanguage(String username, String language) throws Exception {
        Crawl crawl = new Crawl(URI.create("http://localhost:" + port), language);
        String home = crawl.signIn(username, DEMO_PASSWORD);
        assertThat(home).as("where %s lands after signing in", username).doesNotContain("/login");

        crawl.visitFrom(home);

        assertThat(crawl.visited).as("pages read as " + username).hasSizeGreaterThanOrEqualTo(
                username.equals("admin") ? 3 : 20);
        assertThat(crawl.visited).as("the pages read as " + username + " include a case in detail")
                .anyMatch(path -> path.matches(switch (username) {
                    case "buyer" -> "/buyer/claims/\\d+";
                    case "seller" -> "/seller/claims/\\d+";
                    case "agent" -> "/agent/cases/\\d+";
                    default -> "/admin/policy";
                }));
        assertThat(crawl.problems).as(crawl.problems.size() + " problems on " + crawl.visited.size() + " pages read as "
                + username + " in " + language + ":\n" + String.join("\n", crawl.problems.stream().limit(60).toList()))
                .isEmpty();
    }

    /** One signed-in reader following links, with what it found. */
    static final class Crawl {

        final URI base;
        final String language;
        final HttpClient http;
        final Set<String> visited = new LinkedHashSet<>();
        final List<String> problems = new ArrayList<>();

        Crawl(URI base, String language) {
            this.base = base;
            this.language = language;
            this.http = HttpClient.newBuilder().cookieHandler(new CookieManager(null, CookiePolicy.ACCEPT_ALL))
                    .followRedirects(HttpClient.Redirect.NORMAL).connectTimeout(Duration.ofSeconds(10)).build();
        }

        /** Signs in through the login form and answers the path the desk lands on. */
        String signIn(String username, String password) throws IOException, InterruptedException {
            HttpResponse<String> login = get("/login");
            String csrf = Jsoup.parse(login.body()).select("input[name=_csrf]").attr("value");
            String form = "username=" + encode(username) + "&password=" + encode(password) + "&_csrf=" + encode(csrf);
            HttpResponse<String> landed = http.send(HttpRequest.newBuilder(base.resolve("/login"))
                    .header("Content-Type", "application/x-www-form-urlencoded").header("Accept-Language", language)
                    .timeout(Duration.ofSeconds(60)).POST(HttpRequest.BodyPublishers.ofString(form)).build(),
                    HttpResponse.BodyHandlers.ofString());
            return landed.uri().getRawPath();
        }

        void visitFrom(String start) throws IOException, InterruptedException {
            Deque<String> queue = new ArrayDeque<>();
            queue.add(start);
            while (!queue.isEmpty() && visited.size() < MAX_PAGES) {
                String path = queue.poll();
                if (!visited.add(path)) {
                    continue;
                }
                HttpResponse<String> response = get(path);
                if (response.statusCode() != 200) {
                    problems.add(path + ": answered " + response.statusCode());
                    continue;
                }
                if (!response.headers().firstValue("Content-Type").orElse("").startsWith("text/html")) {
                    continue;
                }
                Document page = Jsoup.parse(response.body(), base.resolve(path).toString());
                read(path, page);
                for (Element link : page.select("a[href]")) {
                    String next = followable(link);
                    if (next != null && !visited.contains(next)) {
                        queue.add(next);
                    }
                }
            }
        }

        /** The link's path and query when it is a same-origin page to read, else {@code null}. */
        String followable(Element link) {
            if (link.hasAttr("download")) {
                return null;
            }
            URI target;
            try {
                target = URI.create(link.attr("abs:href"));
            } catch (IllegalArgumentException e) {
                return null;
            }
            if (!"http".equals(target.getScheme()) || !base.getHost().equals(target.getHost())
                    || base.getPort() != target.getPort()) {
                return null;
            }
            String path = target.getRawPath();
            String query = target.getRawQuery();
            if (path == null || path.equals("/logout") || path.contains("/evidence/") || path.startsWith("/api/")
                    || path.startsWith("/actuator") || path.startsWith("/swagger") || path.startsWith("/v3/")
                    || path.startsWith("/webjars/") || path.startsWith("/css/") || path.startsWith("/js/")
                    || (query != null && query.matches("(^|.*&)lang=.*"))) {
                return null;
            }
            return query == null ? path : path + "?" + query;
        }

        void read(String path, Document page) {
            String lang = page.select("html").attr("lang");
            if (!lang.equals(language)) {
                problems.add(path + ": the page is in '" + lang + "', not " + language);
            }
            String text = PageText.visible(page);
            find(path, "ISO-8601 instant", ISO_INSTANT, text);
            find(path, "placeholder", PLACEHOLDER, text);
            find(path, "missing message", MISSING_MESSAGE, text);
            find(path, "raw key", RAW_KEY, text);
            for (String heading : PageText.emptyHeadings(page)) {
                problems.add(path + ": empty heading \"" + heading + "\"");
            }
        }

        void find(String path, String what, Pattern pattern, String text) {
            Matcher m = pattern.matcher(text);
            while (m.find()) {
                problems.add(path + ": " + what + " \"" + m.group() + "\" in \"…"
                        + text.substring(Math.max(0, m.start() - 80), Math.min(text.length(), m.end() + 40)) + "…\"");
            }
        }

        HttpResponse<String> get(String path) throws IOException, InterruptedException {
            return http.send(HttpRequest.newBuilder(base.resolve(path)).header("Accept-Language", language)
                    .header("Accept", "text/html").timeout(Duration.ofSeconds(60)).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
        }

        static String encode(String value) {
            return URLEncoder.encode(value, StandardCharsets.UTF_8);
        }
    }

    /** Dotted words that start like a key of the desk's bundles, or like a property ({@code aftersales.…}). */
    static Pattern rawKeyPattern() {
        Set<String> firstParts = new TreeSet<>();
        firstParts.add("aftersales");
        for (String bundle : Messages.BUNDLES) {
            Properties keys = new Properties();
            try (InputStream in = DemoPagesIntegrationTests.class.getResourceAsStream("/i18n/" + bundle + ".properties")) {
                keys.load(new InputStreamReader(in, StandardCharsets.UTF_8));
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
            keys.stringPropertyNames().forEach(k -> firstParts.add(k.substring(0, k.indexOf('.') < 0 ? k.length()
                    : k.indexOf('.'))));
        }
        return Pattern.compile("(?<![\\w@.-])(?:" + firstParts.stream().map(Pattern::quote)
                .collect(Collectors.joining("|")) + ")\\.[A-Za-z][\\w-]*(?:\\.[\\w-]+)*");
    }
}
