package dev.aftersales.shared.web;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.HexFormat;
import java.util.Optional;
import java.util.function.Supplier;

import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import tools.jackson.databind.ObjectMapper;

/**
 * Requests sent with an {@code Idempotency-Key}: the first one that succeeds is carried out and its answer kept;
 * the same key sent again by the same caller gets that answer again (with {@code Idempotent-Replayed: true}) and
 * nothing is done twice. The key is taken in the same transaction as the work: a second request with the key while
 * the first runs waits for it, and a first request that fails keeps nothing, so it may be sent again with the same
 * key. The same key with a different request is refused ({@link KeyReused}). Answers are kept (nothing is deleted).
 */
@Component
public class IdempotentAnswers {

    public static final String HEADER = "Idempotency-Key";

    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;
    private final ObjectMapper json;
    private final Clock clock;

    IdempotentAnswers(JdbcClient jdbc, PlatformTransactionManager transactionManager, ObjectMapper json, Clock clock) {
        this.jdbc = jdbc;
        this.transactions = new TransactionTemplate(transactionManager);
        this.json = json;
        this.clock = clock;
    }

    /**
     * Carries out {@code work} once per (caller, key) for the caller signed in to this request (whose principal is a
     * {@link Caller}); without a key, every time.
     *
     * @param request what identifies the request besides its key (the path and the body), to refuse a reused key
     */
    public ResponseEntity<?> once(String key, String request, Supplier<ResponseEntity<?>> work) {
        if (key == null) {
            return work.get();
        }
        var authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication == null || !(authentication.getPrincipal() instanceof Caller principal)) {
            throw new IllegalStateException("Idempotent requests need a caller that names itself");
        }
        String caller = principal.idempotencyCaller();
        if (key.isBlank() || key.length() > 100 || !key.chars().allMatch(c -> c > 32 && c < 127)) {
            throw new InvalidKey();
        }
        String hash = sha256(request);
        return transactions.execute(tx -> {
            int taken = jdbc.sql("""
                    insert into api_idempotent_answers (caller, idempotency_key, request_hash, status, body, created_at)
                    values (:caller, :key, :hash, 0, '', :at) on conflict do nothing""")
                    .param("caller", caller).param("key", key).param("hash", hash)
                    .param("at", Timestamp.from(clock.instant())).update();
            if (taken == 0) {
                return replay(caller, key, hash);
            }
            ResponseEntity<?> answer = work.get();
            jdbc.sql("update api_idempotent_answers set status = :status, body = :body "
                    + "where caller = :caller and idempotency_key = :key")
                    .param("status", answer.getStatusCode().value())
                    .param("body", answer.getBody() == null ? "" : json.writeValueAsString(answer.getBody()))
                    .param("caller", caller).param("key", key).update();
            return answer;
        });
    }

    private ResponseEntity<?> replay(String caller, String key, String hash) {
        Optional<Kept> kept = jdbc.sql("select request_hash, status, body from api_idempotent_answers "
                + "where caller = :caller and idempotency_key = :key")
                .param("caller", caller).param("key", key)
                .query((rs, n) -> new Kept(rs.getString(1), rs.getInt(2), rs.getString(3))).optional();
        Kept answer = kept.orElseThrow(IllegalStateException::new);
        if (!answer.requestHash().equals(hash)) {
            throw new KeyReused();
        }
        var builder = ResponseEntity.status(answer.status()).header("Idempotent-Replayed", "true");
        return answer.body().isEmpty() ? builder.build()
                : builder.contentType(MediaType.APPLICATION_JSON).body(answer.body());
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(
                    MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A principal whose idempotent answers are kept apart from every other's (an API key). */
    public interface Caller {

        /** At most 64 characters, the same for every request of this caller. */
        String idempotencyCaller();
    }

    private record Kept(String requestHash, int status, String body) {
    }

    /** The key was used before by this caller for another request. */
    public static class KeyReused extends RuntimeException {

        public KeyReused() {
            super("This Idempotency-Key was already used for a different request");
        }
    }

    /** The key is empty, longer than 100 characters, or holds spaces or characters outside printable ASCII. */
    public static class InvalidKey extends RuntimeException {

        public InvalidKey() {
            super("The Idempotency-Key must be 1 to 100 printable ASCII characters without spaces");
        }
    }
}
