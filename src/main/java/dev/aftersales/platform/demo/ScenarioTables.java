package dev.aftersales.platform.demo;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import org.springframework.jdbc.core.JdbcTemplate;

import dev.aftersales.catalog.PolicyDefaults;

/**
 * Puts the scenario catalogue into the generator's work tables (temporary, dropped at the end of each batch's
 * transaction) and the SQL helper functions: {@code gen_scenarios} (one row per scenario: the claim's columns),
 * {@code gen_steps} (its timeline), {@code gen_money} (its ledger entries), {@code gen_decisions} and
 * {@code gen_assignments} (arbitration), {@code pg_temp.gen_amount} ({@link GenAmount}), {@code pg_temp.gen_h}
 * (a number in [0, 1) fixed per order and purpose), {@code pg_temp.gen_at} (a move's time: filed at, plus the
 * scaled and the fixed hours), {@code pg_temp.gen_fen} and {@code pg_temp.gen_time} (an amount and a time as the desk
 * prints them).
 */
final class ScenarioTables {

    private static final Map<String, String> SCENARIO_COLUMNS = columns("""
            code text, grp text, w int, lo int, hi int, type text, reason text, scope text, description text,
            cheap_line1 boolean, two_lines boolean, parcel_complete boolean, weight_check boolean,
            escalation_allowed boolean, fast_tracked boolean, substitute boolean, buyer_appealed boolean,
            seller_appealed boolean, decision_final boolean, remedy text, status text, party text, open boolean,
            due_h float8, deadline boolean, anchor_seq int, anchor_var float8, anchor_fix float8, last_var float8,
            last_fix float8, ended_seq int, outcome text, refunds_requested int, refunded text, anchor_min_h float8,
            anchor_max_h float8, may_overdue boolean, pre_min_h float8, pre_max_h float8, compensation bigint,
            proposal_remedy text, proposal_amount text, proposal_note text, rejection_reason text,
            inspection_result text, inspection_note text, return_seq int, return_delivered_seq int, reship_seq int,
            reship_delivered_seq int, fast_track_rule text, review_reason text, evidence_request text,
            evidence_of text, decision_ruling text, decision_amount text, decision_rationale text,
            decision_clause text, decided_seq int, decided_by text, appeal_from_seq int, appealed_by text,
            appeal_statement text""");
    private static final Map<String, String> STEP_COLUMNS = columns("""
            code text, seq int, at_var float8, at_fix float8, action text, actor text, from_status text,
            to_status text, rule text, note text, amount text, tells text, notice text, evidence text,
            due_h float8""");
    private static final Map<String, String> MONEY_COLUMNS = columns("""
            code text, kind text, reason text, bearer text, amount text, idem_key text, requested_seq int,
            requested_by text, paid_seq int""");
    private static final Map<String, String> DECISION_COLUMNS = columns("""
            code text, seq int, appeal boolean, agent text, outcome text, upheld boolean, refund text,
            reversal text, bearer text, clause text, rationale text, due_seq int, penalty text, points int,
            abuse_reason text""");
    private static final Map<String, String> ASSIGNMENT_COLUMNS = columns("""
            code text, agent text, appeal boolean, taken_seq int, taken_offset_h float8, released_seq int""");

    private final List<GenScenario.Rows> rows;
    private final String displayZone;

    ScenarioTables(PolicyDefaults policy, String displayZone) {
        this.rows = GenScenarios.rows(policy);
        this.displayZone = displayZone;
    }

    /** The scenario catalogue as rows (for tests and the documentation of the shapes). */
    List<GenScenario.Rows> rows() {
        return rows;
    }

    /** Creates the work tables and functions in the current transaction. */
    void create(JdbcTemplate jdbc) {
        jdbc.execute(GenAmount.FUNCTION);
        jdbc.execute("""
                create or replace function pg_temp.gen_h(n bigint, salt int) returns float8
                language sql immutable as $$ select (hashint8extended(n, salt) & 1048575) / 1048576.0 $$""");
        jdbc.execute("""
                create or replace function pg_temp.gen_at(t0 timestamptz, pace float8, var float8, fix float8)
                returns timestamptz language sql stable as $$
                  select t0 + make_interval(secs => 3600 * (pace * var + fix)) $$""");
        jdbc.execute("""
                create or replace function pg_temp.gen_fen(minor bigint) returns text
                language sql immutable as $$
                  select case when minor < 0 then '-' else '' end || '¥' || to_char(abs(minor) / 100.0, 'FM9999999990.00')
                $$""");
        jdbc.execute("""
                create or replace function pg_temp.gen_time(at timestamptz) returns text
                language sql stable as $$ select to_char(at at time zone '%s', 'YYYY-MM-DD HH24:MI') $$"""
                .formatted(displayZone.replace("'", "")));
        table(jdbc, "gen_scenarios", SCENARIO_COLUMNS, rows.stream().map(GenScenario.Rows::scenario).toList());
        table(jdbc, "gen_steps", STEP_COLUMNS, flat(GenScenario.Rows::steps));
        table(jdbc, "gen_money", MONEY_COLUMNS, flat(GenScenario.Rows::money));
        table(jdbc, "gen_decisions", DECISION_COLUMNS, flat(GenScenario.Rows::decisions));
        table(jdbc, "gen_assignments", ASSIGNMENT_COLUMNS, flat(GenScenario.Rows::assignments));
    }

    private List<Map<String, Object>> flat(Function<GenScenario.Rows, List<Map<String, Object>>> part) {
        List<Map<String, Object>> all = new ArrayList<>();
        rows.forEach(r -> all.addAll(part.apply(r)));
        return all;
    }

    private static void table(JdbcTemplate jdbc, String name, Map<String, String> columns,
            List<Map<String, Object>> values) {
        StringBuilder ddl = new StringBuilder("create temp table " + name + " (");
        columns.forEach((column, type) -> ddl.append(column).append(' ').append(type).append(','));
        ddl.setLength(ddl.length() - 1);
        jdbc.execute(ddl.append(") on commit drop").toString());
        List<String> names = List.copyOf(columns.keySet());
        String insert = "insert into " + name + " (" + String.join(",", names) + ") values ("
                + String.join(",", names.stream().map(c -> "?").toList()) + ")";
        List<Object[]> args = new ArrayList<>();
        for (Map<String, Object> row : values) {
            if (!columns.keySet().containsAll(row.keySet())) {
                List<String> unknown = new ArrayList<>(row.keySet());
                unknown.removeAll(columns.keySet());
                throw new IllegalStateException(name + " has no columns " + unknown);
            }
            args.add(names.stream().map(row::get).toArray());
        }
        jdbc.batchUpdate(insert, args);
        jdbc.execute("analyze " + name);
    }

    private static Map<String, String> columns(String definition) {
        Map<String, String> columns = new LinkedHashMap<>();
        for (String column : definition.split(",")) {
            String[] parts = column.strip().split("\\s+", 2);
            columns.put(parts[0], parts[1]);
        }
        return columns;
    }
}
