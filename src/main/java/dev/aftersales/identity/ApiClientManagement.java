package dev.aftersales.identity;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import dev.aftersales.identity.internal.ApiClientRepository;
import dev.aftersales.shared.NotFound;

/** Integration API clients and their keys. */
@Service
@Transactional
public class ApiClientManagement {

    private static final SecureRandom RANDOM = new SecureRandom();

    private final ApiClientRepository clients;
    private final Clock clock;

    ApiClientManagement(ApiClientRepository clients, Clock clock) {
        this.clients = clients;
        this.clock = clock;
    }

    /** A new client with a random key; the key is in the answer and nowhere else. */
    public IssuedKey create(String name) {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        String key = "ask_" + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        return register(name, key);
    }

    /** Registers a client with a key chosen by the caller (the demo data's well-known key). */
    public IssuedKey register(String name, String key) {
        if (clients.findByName(name).isPresent()) {
            throw new IllegalArgumentException("An API client named " + name + " exists");
        }
        ApiClient client = clients.save(new ApiClient(name, key.substring(0, Math.min(8, key.length())), hash(key),
                clock.instant()));
        return new IssuedKey(client, key);
    }

    /** The active client holding this key. */
    @Transactional(readOnly = true)
    public Optional<ApiClient> authenticate(String key) {
        if (key == null || key.isBlank() || key.length() > 200) {
            return Optional.empty();
        }
        return clients.findByKeyHash(hash(key.trim())).filter(ApiClient::active);
    }

    public void revoke(long id) {
        clients.findById(id).orElseThrow(() -> new NotFound("API client", id)).revoke(clock.instant());
    }

    @Transactional(readOnly = true)
    public List<ApiClient> clients() {
        return clients.findAllByOrderByCreatedAtDesc();
    }

    static String hash(String key) {
        try {
            return HexFormat.of().formatHex(
                    MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A client and its key in clear, to be shown once. */
    public record IssuedKey(ApiClient client, String key) {
    }
}
