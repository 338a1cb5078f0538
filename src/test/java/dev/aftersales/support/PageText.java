package dev.aftersales.support;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.NodeFilter;
import org.jsoup.select.NodeTraversor;

/** What a person reads on a rendered page: its visible text, and the headings with nothing under them. */
public final class PageText {

    static final Set<String> SECTIONING = Set.of("section", "article", "aside", "nav", "main", "details", "fieldset",
            "header", "footer", "body");
    static final Set<String> CONTENT_ELEMENTS = Set.of("img", "input", "select", "textarea", "button", "canvas",
            "svg", "video", "iframe", "table");

    private PageText() {
    }

    public static Document parse(String html) {
        return Jsoup.parse(html);
    }

    /** The title and the body's text, without scripts, styles and attribute values. */
    public static String visible(Document page) {
        Document copy = page.clone();
        copy.select("script, style, template, noscript").remove();
        return copy.title() + " " + copy.body().text();
    }

    /**
     * The headings with nothing under them: no text and no control, table or image between the heading and the next
     * heading of the same or a higher rank, within the heading's section (a deeper heading counts as content).
     */
    public static List<String> emptyHeadings(Document page) {
        List<String> empty = new ArrayList<>();
        for (Element heading : page.body().select("h1, h2, h3, h4, h5, h6")) {
            int rank = rank(heading);
            Element scope = heading.parents().stream().filter(p -> SECTIONING.contains(p.tagName())).findFirst()
                    .orElse(page.body());
            boolean[] started = { false };
            boolean[] content = { false };
            NodeTraversor.filter(new NodeFilter() {
                @Override
                public FilterResult head(Node node, int depth) {
                    if (node == heading) {
                        started[0] = true;
                        return FilterResult.SKIP_ENTIRELY;
                    }
                    if (!started[0]) {
                        return FilterResult.CONTINUE;
                    }
                    if (node instanceof Element e) {
                        if (e.tagName().matches("h[1-6]") && rank(e) <= rank) {
                            return FilterResult.STOP;
                        }
                        if (e.tagName().equals("script") || e.tagName().equals("template")) {
                            return FilterResult.SKIP_ENTIRELY;
                        }
                        if (CONTENT_ELEMENTS.contains(e.tagName())) {
                            content[0] = true;
                            return FilterResult.STOP;
                        }
                    } else if (node instanceof TextNode t && !t.isBlank()) {
                        content[0] = true;
                        return FilterResult.STOP;
                    }
                    return FilterResult.CONTINUE;
                }
            }, scope);
            if (!content[0]) {
                empty.add(heading.text());
            }
        }
        return empty;
    }

    static int rank(Element heading) {
        return heading.tagName().charAt(1) - '0';
    }
}
