package dev.aftersales.load;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;


/**
 * Writes the summary table of the newest Gatling run in a results folder: per request name the count, requests/s,
 * mean, median, 95th and 99th percentile response times and errors. Gatling 3.14 keeps its raw results in a binary
 * {@code simulation.log} and renders the statistics into the report's {@code index.html}; this reads that table (its
 * columns: total, OK, KO, % KO, count/s, min, 50th, 75th, 95th, 99th percentile, max, mean, standard deviation).
 * Writes {@code summary.md} and {@code summary.csv} next to the report's {@code index.html} and prints the Markdown.
 */
public final class LoadSummary {

    private static final Pattern ROW = Pattern.compile("<tr[ >].*?</tr>", Pattern.DOTALL);
    private static final Pattern NAME = Pattern.compile("class=\"ellipsed-name\">([^<]*)<");
    private static final Pattern CELL = Pattern.compile("class=\"value [a-z ]*col-(\\d+)\">([^<]*)<");

    private LoadSummary() {
    }

    record Row(String name, long count, long errors, double perSecond, double p50, double p95, double p99,
            double mean) {

        String markdown() {
            return String.format(Locale.ROOT, "| %s | %d | %.2f | %.0f | %.0f | %.0f | %.0f | %d (%.1f %%) |", name,
                    count, perSecond, mean, p50, p95, p99, errors, count == 0 ? 0 : errors * 100.0 / count);
        }

        String csv() {
            return String.format(Locale.ROOT, "\"%s\",%d,%.2f,%.0f,%.0f,%.0f,%.0f,%d", name.replace("\"", "\"\""),
                    count, perSecond, mean, p50, p95, p99, errors);
        }
    }

    public static void main(String[] args) throws IOException {
        Path results = Path.of(args.length > 0 ? args[0] : "target/gatling");
        Path report = newestReport(results);
        List<Row> rows = rows(Files.readString(report.resolve("index.html"), StandardCharsets.UTF_8));
        StringBuilder md = new StringBuilder("Run `").append(report.getFileName()).append("`\n\n")
                .append("| request | count | req/s | mean ms | p50 ms | p95 ms | p99 ms | errors |\n")
                .append("|---|---:|---:|---:|---:|---:|---:|---:|\n");
        StringBuilder csv = new StringBuilder("request,count,requests_per_second,mean_ms,p50_ms,p95_ms,p99_ms,errors\n");
        for (Row row : rows) {
            md.append(row.markdown()).append('\n');
            csv.append(row.csv()).append('\n');
        }
        Files.writeString(report.resolve("summary.md"), md, StandardCharsets.UTF_8);
        Files.writeString(report.resolve("summary.csv"), csv, StandardCharsets.UTF_8);
        System.out.println(md);
        System.out.println("Report: " + report.resolve("index.html").toAbsolutePath());
    }

    /** The statistics table's rows, requests by name, then all requests. */
    static List<Row> rows(String html) {
        List<Row> rows = new ArrayList<>();
        Row all = null;
        Matcher tr = ROW.matcher(html);
        while (tr.find()) {
            Matcher name = NAME.matcher(tr.group());
            if (!name.find()) {
                continue;
            }
            Map<Integer, String> cells = new HashMap<>();
            Matcher cell = CELL.matcher(tr.group());
            while (cell.find()) {
                cells.put(Integer.parseInt(cell.group(1)), cell.group(2).strip());
            }
            Row row = new Row(unescape(name.group(1)), (long) number(cells.get(2)), (long) number(cells.get(4)),
                    number(cells.get(6)), number(cells.get(8)), number(cells.get(10)), number(cells.get(11)),
                    number(cells.get(13)));
            if (tr.group().contains("id=\"ROOT\"")) {
                all = new Row("All requests", row.count(), row.errors(), row.perSecond(), row.p50(), row.p95(),
                        row.p99(), row.mean());
            } else {
                rows.add(row);
            }
        }
        rows.sort(Comparator.comparing(Row::name));
        if (all != null) {
            rows.add(all);
        }
        return rows;
    }

    private static Path newestReport(Path results) throws IOException {
        try (Stream<Path> runs = Files.list(results)) {
            return runs.filter(p -> Files.exists(p.resolve("index.html")))
                    .max(Comparator.comparing(p -> p.toFile().lastModified()))
                    .orElseThrow(() -> new IllegalStateException("No Gatling report in " + results.toAbsolutePath()));
        }
    }

    /** Gatling writes numbers, or "-" where there are none. */
    private static double number(String text) {
        try {
            return text == null ? 0 : Double.parseDouble(text.replace(",", ""));
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    private static String unescape(String html) {
        return html.replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"").replace("&#39;", "'")
                .replace("&amp;", "&");
    }
}
