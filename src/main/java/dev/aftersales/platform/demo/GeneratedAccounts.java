package dev.aftersales.platform.demo;

import java.sql.Timestamp;
import java.time.Instant;

import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The people and goods of the generated marketplace: shops {@code GEN01}…{@code GEN05} with ten products each and a
 * staff account each ({@code gen-staff-01}…), 5,000 buyers {@code gen-buyer-00001}…, the buyer {@code gen-buyer},
 * and the agents {@code gen-agent} (first decisions) and {@code gen-agent2} (appeals). None of them can sign in:
 * they have no password. {@link #enableSignIn} gives {@code gen-buyer}, {@code gen-agent}, {@code gen-agent2} and a
 * new seller {@code gen-seller} of {@code GEN01} a password, only when the run asks for it.
 */
final class GeneratedAccounts {

    static final int SHOPS = 5;
    static final int PRODUCTS_PER_SHOP = 10;
    static final int BUYERS = 5_000;
    /** The shop whose staff {@code gen-seller} joins. */
    static final String SIGN_IN_SHOP = "GEN01";

    private final JdbcTemplate jdbc;

    GeneratedAccounts(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    void ensure(Instant now) {
        Timestamp at = Timestamp.from(now);
        jdbc.update("""
                insert into shops (code, name, created_at)
                select 'GEN' || lpad(s::text, 2, '0'), 'Generated shop ' || s, ?
                from generate_series(1, ?) s
                on conflict (code) do nothing""", at, SHOPS);
        jdbc.update("""
                insert into products (shop_id, sku, title, price_minor, currency, unit_weight_grams, returnable,
                                      listed, created_at)
                select sh.id, sh.code || '-P' || lpad(p::text, 2, '0'), 'Generated product ' || sh.code || '/' || p,
                       500 + p * 731 % 9000, 'CNY', 80 + p * 137 % 1500, p % 4 <> 0, true, ?
                from shops sh cross join generate_series(1, ?) p
                where sh.code like 'GEN__'
                on conflict (shop_id, sku) do nothing""", at, PRODUCTS_PER_SHOP);
        jdbc.update("""
                insert into user_accounts (username, role, display_name, phone, enabled, created_at)
                select 'gen-buyer-' || lpad(b::text, 5, '0'), 'BUYER', 'Generated buyer ' || b,
                       '139' || lpad(b::text, 8, '0'), true, ?::timestamptz
                from generate_series(1, ?) b
                union all
                select 'gen-buyer', 'BUYER', 'Generated buyer (sign-in)', '13799999999', true, ?::timestamptz
                union all
                select 'gen-agent' || suffix, 'AGENT', 'Generated agent ' || coalesce(nullif(suffix, ''), '1'), null,
                       true, ?::timestamptz
                from unnest(array['', '2']) suffix
                on conflict (username) do nothing""", at, BUYERS, at, at);
        jdbc.update("""
                insert into user_accounts (username, role, display_name, shop_id, enabled, created_at)
                select 'gen-staff-' || substring(code from 4), 'SELLER', name || ' staff', id, true, ?
                from shops where code like 'GEN__'
                on conflict (username) do nothing""", at);
    }

    /** Lets the generated buyer, seller and agents sign in with {@code passwordHash} (see the README). */
    void enableSignIn(String passwordHash, Instant now) {
        jdbc.update("""
                insert into user_accounts (username, role, display_name, shop_id, enabled, created_at)
                select 'gen-seller', 'SELLER', 'Generated seller', id, true, ? from shops where code = ?
                on conflict (username) do nothing""", Timestamp.from(now), SIGN_IN_SHOP);
        jdbc.update("""
                update user_accounts set password_hash = ?
                where username in ('gen-buyer', 'gen-seller', 'gen-agent', 'gen-agent2')""", passwordHash);
    }
}
