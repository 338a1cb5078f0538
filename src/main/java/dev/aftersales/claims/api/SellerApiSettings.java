package dev.aftersales.claims.api;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The seller API's feed ({@code aftersales.seller-api.*}).
 *
 * @param feedSettle how long after a change a claim appears in the feed (30 s). A change is stamped when its
 *                   transaction starts and seen when it commits; holding back the last moments means a change that
 *                   commits late is never skipped by a caller that already moved its cursor past its time. Keep it
 *                   longer than the longest transaction that changes claims (the deadline sweep's batches).
 * @param pageMax    the most claims one feed page holds (200); a caller asks for fewer with {@code limit}
 */
@ConfigurationProperties("aftersales.seller-api")
record SellerApiSettings(@DefaultValue("30s") Duration feedSettle, @DefaultValue("200") int pageMax) {
}
