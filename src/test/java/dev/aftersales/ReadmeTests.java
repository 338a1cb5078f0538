package dev.aftersales;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import dev.aftersales.claims.ClaimStatus;

/**
 * The README and the pages under {@code docs/} say what the code does: the lifecycle's state diagram names exactly
 * the claim statuses, the module graph is the modules' declared dependencies, and every relative link (and every
 * {@code docs/…} page the code cites) leads to a page and a heading that exist.
 */
class ReadmeTests {

    private static final Pattern LINK = Pattern.compile("\\[[^\\]]*]\\(([^)\\s]+)(?:\\s+\"[^\"]*\")?\\)");
    private static final Pattern HEADING = Pattern.compile("^#{1,6}\\s+(.+?)\\s*#*\\s*$");
    private static final Pattern HTML_ANCHOR = Pattern.compile("<a\\s+(?:id|name)=\"([^\"]+)\"");
    private static final Pattern CITED = Pattern.compile("\\bdocs/[A-Za-z0-9_./-]+\\.md(?:#[A-Za-z0-9_-]+)?");

    @Test
    void theLifecycleStateDiagramNamesEveryClaimStatusAndNoOther() throws IOException {
        String page = Files.readString(Path.of("docs/lifecycle.md"));
        int start = page.indexOf("stateDiagram-v2");
        assertThat(start).as("docs/lifecycle.md has a mermaid state diagram").isPositive();
        String diagram = page.substring(start, page.indexOf("```", start));
        Set<String> inDiagram = new TreeSet<>();
        Matcher transition = Pattern.compile("^\\s*(\\S+)\\s*-->\\s*([^:\\s]+)", Pattern.MULTILINE).matcher(diagram);
        while (transition.find()) {
            inDiagram.add(transition.group(1));
            inDiagram.add(transition.group(2));
        }
        inDiagram.remove("[*]");
        Set<String> inCode = Arrays.stream(ClaimStatus.values()).map(Enum::name)
                .collect(Collectors.toCollection(TreeSet::new));
        assertThat(inDiagram).isEqualTo(inCode);
    }

    @Test
    void everyRelativeLinkInTheReadmeAndTheDocsLeadsToAPageAndAHeadingThatExist() throws IOException {
        List<String> broken = new ArrayList<>();
        int checked = 0;
        for (Path page : pages()) {
            for (String target : links(Files.readString(page))) {
                if (target.matches("^[a-zA-Z][a-zA-Z0-9+.-]*:.*")) {
                    continue; // http:, https:, mailto: …
                }
                checked++;
                String problem = problemWith(page, target);
                if (problem != null) {
                    broken.add(page + ": " + target + " (" + problem + ")");
                }
            }
        }
        assertThat(checked).as("relative links found").isPositive();
        assertThat(broken).as("broken links").isEmpty();
    }

    @Test
    void everyDocsPageTheCodeCitesExistsWithItsHeading() throws IOException {
        List<String> broken = new ArrayList<>();
        for (Path root : List.of(Path.of("src/main"), Path.of("src/test"))) {
            try (Stream<Path> files = Files.walk(root)) {
                for (Path file : files.filter(Files::isRegularFile)
                        .filter(f -> f.toString().matches(".*\\.(java|html|properties|sql)$")).toList()) {
                    Matcher cited = CITED.matcher(Files.readString(file));
                    while (cited.find()) {
                        String problem = problemWith(null, cited.group());
                        if (problem != null) {
                            broken.add(file + ": " + cited.group() + " (" + problem + ")");
                        }
                    }
                }
            }
        }
        assertThat(broken).as("docs pages cited in the code that do not exist").isEmpty();
    }

    @Test
    void theModuleGraphIsTheModulesDeclaredDependencies() throws IOException {
        Set<String> declared = new TreeSet<>();
        Pattern allowed = Pattern.compile("allowedDependencies\\s*=\\s*\\{([^}]*)}");
        try (Stream<Path> infos = Files.walk(Path.of("src/main/java/dev/aftersales"), 2)) {
            for (Path info : infos.filter(p -> p.getFileName().toString().equals("package-info.java")).toList()) {
                String module = info.getParent().getFileName().toString();
                Matcher m = allowed.matcher(Files.readString(info));
                if (!m.find()) {
                    continue; // open (shared) or unrestricted (platform): not drawn
                }
                Matcher name = Pattern.compile("\"([a-z]+)\"").matcher(m.group(1));
                while (name.find()) {
                    if (!name.group(1).equals("shared")) {
                        declared.add(module + " --> " + name.group(1));
                    }
                }
            }
        }
        String page = Files.readString(Path.of("docs/modules.md"));
        int start = page.indexOf("graph TD");
        assertThat(start).as("docs/modules.md has a mermaid module graph").isPositive();
        Set<String> drawn = new TreeSet<>();
        Matcher edge = Pattern.compile("^\\s*(\\w+)\\s*-->\\s*(\\w+)\\s*$", Pattern.MULTILINE)
                .matcher(page.substring(start, page.indexOf("```", start)));
        while (edge.find()) {
            drawn.add(edge.group(1) + " --> " + edge.group(2));
        }
        assertThat(declared).as("dependencies declared in package-info.java").isNotEmpty();
        assertThat(drawn).isEqualTo(declared);
    }

    /** README.md and every page under docs/. */
    private static List<Path> pages() throws IOException {
        List<Path> pages = new ArrayList<>(List.of(Path.of("README.md")));
        try (Stream<Path> docs = Files.walk(Path.of("docs"))) {
            docs.filter(p -> p.toString().endsWith(".md")).sorted().forEach(pages::add);
        }
        return pages;
    }

    /** The link targets of a page, outside code blocks and inline code. */
    static List<String> links(String markdown) {
        List<String> targets = new ArrayList<>();
        for (String line : prose(markdown)) {
            Matcher link = LINK.matcher(line.replaceAll("`[^`]*`", ""));
            while (link.find()) {
                targets.add(link.group(1));
            }
        }
        return targets;
    }

    /** The lines of a page outside fenced and indented code blocks. */
    private static List<String> prose(String markdown) {
        List<String> lines = new ArrayList<>();
        boolean fenced = false;
        for (String line : markdown.split("\n", -1)) {
            if (line.strip().startsWith("```")) {
                fenced = !fenced;
                continue;
            }
            if (!fenced && !line.startsWith("    ") && !line.startsWith("\t")) {
                lines.add(line);
            }
        }
        return lines;
    }

    /**
     * Why a link does not resolve, or {@code null} when it does.
     *
     * @param from   the page the link is on ({@code null}: a path from the project's root, as code cites pages)
     * @param target the link: a path relative to the page, an anchor, or both
     */
    private static String problemWith(Path from, String target) throws IOException {
        int hash = target.indexOf('#');
        String file = hash < 0 ? target : target.substring(0, hash);
        String anchor = hash < 0 ? null : target.substring(hash + 1);
        Path directory = from == null || from.getParent() == null ? Path.of("") : from.getParent();
        Path page = file.isEmpty() ? from : directory.resolve(file).normalize();
        if (page == null) {
            return "no page";
        }
        if (!Files.exists(page)) {
            return "no such file";
        }
        if (anchor == null) {
            return null;
        }
        if (Files.isDirectory(page) || !page.toString().endsWith(".md")) {
            return "an anchor on something that is not a page";
        }
        return anchors(Files.readString(page)).contains(anchor) ? null : "no heading #" + anchor;
    }

    /** The anchors GitHub gives a page's headings (and explicit HTML anchors). */
    static Set<String> anchors(String markdown) {
        Set<String> anchors = new LinkedHashSet<>();
        Map<String, Integer> seen = new HashMap<>();
        for (String line : prose(markdown)) {
            Matcher heading = HEADING.matcher(line);
            if (heading.matches()) {
                String slug = slug(heading.group(1));
                int n = seen.merge(slug, 1, Integer::sum);
                anchors.add(n == 1 ? slug : slug + "-" + (n - 1));
            }
            Matcher html = HTML_ANCHOR.matcher(line);
            while (html.find()) {
                anchors.add(html.group(1));
            }
        }
        return anchors;
    }

    /** GitHub's heading slug: lower case, punctuation dropped, spaces to hyphens. */
    static String slug(String heading) {
        String text = heading.replaceAll("\\[([^\\]]*)]\\([^)]*\\)", "$1");
        return text.toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N}\\s_-]", "").strip().replace(' ', '-');
    }
}
