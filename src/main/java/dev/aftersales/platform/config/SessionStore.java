package dev.aftersales.platform.config;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

import org.springframework.session.FindByIndexNameSessionRepository;
import org.springframework.session.Session;

/**
 * The sessions of the desk, kept in PostgreSQL by Spring Session's JDBC repository, which writes a session only when
 * something in it changed. The repository counts every request's last-access time as a change, so that each page
 * view would rewrite the session's row; here the last access is recorded only once {@code touchInterval} (a minute)
 * has passed since the recorded one. A session therefore ends after its idle timeout (8 h) measured from a last
 * access at most one interval old: an idle session may end up to a minute early, never late.
 */
final class SessionStore implements FindByIndexNameSessionRepository<SessionStore.StoredSession> {

    private final FindByIndexNameSessionRepository<Session> sessions;
    private final Duration touchInterval;

    @SuppressWarnings({ "unchecked", "rawtypes" })
    SessionStore(FindByIndexNameSessionRepository<? extends Session> sessions, Duration touchInterval) {
        // the JDBC repository's session type is not public; its own sessions are all this store hands back to it
        this.sessions = (FindByIndexNameSessionRepository) sessions;
        this.touchInterval = touchInterval;
    }

    @Override
    public StoredSession createSession() {
        return new StoredSession(sessions.createSession(), true);
    }

    @Override
    public void save(StoredSession session) {
        sessions.save(session.stored);
        session.unsaved = false;
    }

    @Override
    public StoredSession findById(String id) {
        Session found = sessions.findById(id);
        return found == null ? null : new StoredSession(found, false);
    }

    @Override
    public void deleteById(String id) {
        sessions.deleteById(id);
    }

    @Override
    public Map<String, StoredSession> findByIndexNameAndIndexValue(String indexName, String indexValue) {
        Map<String, StoredSession> found = new LinkedHashMap<>();
        sessions.findByIndexNameAndIndexValue(indexName, indexValue)
                .forEach((id, session) -> found.put(id, new StoredSession(session, false)));
        return found;
    }

    /** A stored session whose last access is recorded at most once per touch interval. */
    final class StoredSession implements Session {

        private final Session stored;
        private boolean unsaved;

        StoredSession(Session stored, boolean unsaved) {
            this.stored = stored;
            this.unsaved = unsaved;
        }

        @Override
        public void setLastAccessedTime(Instant lastAccessedTime) {
            if (unsaved || !lastAccessedTime.isBefore(stored.getLastAccessedTime().plus(touchInterval))) {
                stored.setLastAccessedTime(lastAccessedTime);
            }
        }

        @Override
        public Instant getLastAccessedTime() {
            return stored.getLastAccessedTime();
        }

        @Override
        public String getId() {
            return stored.getId();
        }

        @Override
        public String changeSessionId() {
            return stored.changeSessionId();
        }

        @Override
        public <T> T getAttribute(String attributeName) {
            return stored.getAttribute(attributeName);
        }

        @Override
        public Set<String> getAttributeNames() {
            return stored.getAttributeNames();
        }

        @Override
        public void setAttribute(String attributeName, Object attributeValue) {
            stored.setAttribute(attributeName, attributeValue);
        }

        @Override
        public void removeAttribute(String attributeName) {
            stored.removeAttribute(attributeName);
        }

        @Override
        public Instant getCreationTime() {
            return stored.getCreationTime();
        }

        @Override
        public void setMaxInactiveInterval(Duration interval) {
            stored.setMaxInactiveInterval(interval);
        }

        @Override
        public Duration getMaxInactiveInterval() {
            return stored.getMaxInactiveInterval();
        }

        @Override
        public boolean isExpired() {
            return stored.isExpired();
        }
    }
}
