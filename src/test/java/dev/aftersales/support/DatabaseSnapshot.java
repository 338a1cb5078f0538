package dev.aftersales.support;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;
import java.util.stream.Collectors;

import org.springframework.jdbc.core.JdbcTemplate;

/**
 * What every business table holds, as one row count and one checksum of its rows per table, computed by PostgreSQL
 * in a single statement. Two snapshots are equal when no business row was added, changed or removed in between.
 * Sessions, the event publication registry and throttling counters are left out: they change on every request.
 * Evidence bytes count by their length (their SHA-256 is in {@code claim_evidence}).
 */
public final class DatabaseSnapshot {

    /** Tables that change with every request or attempt, not with what a user saves. */
    static final List<String> EXCLUDED_PATTERNS = List.of("spring_session%", "event_publication%", "%throttle%",
            "%login_attempt%", "flyway_schema_history");

    private final Map<String, String> tables;

    private DatabaseSnapshot(Map<String, String> tables) {
        this.tables = tables;
    }

    /** The business tables of the public schema. */
    public static List<String> businessTables(JdbcTemplate jdbc) {
        String excluded = EXCLUDED_PATTERNS.stream().map(p -> "table_name not like '" + p + "'")
                .collect(Collectors.joining(" and "));
        return jdbc.queryForList("select table_name from information_schema.tables where table_schema = 'public' "
                + "and table_type = 'BASE TABLE' and " + excluded + " order by table_name", String.class);
    }

    /** The SQL that computes a snapshot of these tables in one round trip. */
    public static String sql(List<String> tables) {
        return tables.stream().map(t -> {
            String row = "claim_evidence_content".equals(t) ? "r.evidence_id::text || ':' || octet_length(r.data)"
                    : "r::text";
            return "select '" + t + "' as t, count(*) || ':' || coalesce(sum(hashtextextended(" + row
                    + ", 7)), 0) as v from " + t + " r";
        }).collect(Collectors.joining(" union all "));
    }

    public static DatabaseSnapshot take(JdbcTemplate jdbc, String sql) {
        Map<String, String> tables = new LinkedHashMap<>();
        jdbc.query(sql, rs -> {
            tables.put(rs.getString(1), rs.getString(2));
        });
        return new DatabaseSnapshot(tables);
    }

    public static DatabaseSnapshot take(JdbcTemplate jdbc) {
        return take(jdbc, sql(businessTables(jdbc)));
    }

    /** The tables whose rows differ between the two snapshots (empty when nothing changed). */
    public TreeSet<String> changedSince(DatabaseSnapshot before) {
        TreeSet<String> changed = new TreeSet<>();
        tables.forEach((t, v) -> {
            if (!Objects.equals(v, before.tables.get(t))) {
                changed.add(t);
            }
        });
        return changed;
    }

    public int tableCount() {
        return tables.size();
    }
}
