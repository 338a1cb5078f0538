package dev.aftersales.notifications.internal;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.Pageable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import dev.aftersales.shared.CurrentUser;
import dev.aftersales.shared.NotFound;
import dev.aftersales.shared.web.Formats;

/**
 * A signed-in user's inbox: their own items only (anybody else's item answers {@link NotFound}), newest first, the
 * unread count for the header, marking read. Items are never deleted.
 */
@Service
@Transactional
public class InboxManagement {

    private final JdbcClient jdbc;
    private final Formats formats;
    private final NotificationSettings settings;
    private final Clock clock;

    InboxManagement(JdbcClient jdbc, Formats formats, NotificationSettings settings, Clock clock) {
        this.jdbc = jdbc;
        this.formats = formats;
        this.settings = settings;
        this.clock = clock;
    }

    /** One page of the user's items, newest first, their texts in the given language. */
    @Transactional(readOnly = true)
    public Page<InboxEntry> page(CurrentUser me, Pageable pageable, Locale locale) {
        long total = jdbc.sql("select count(*) from inbox_items where recipient_id = :me")
                .param("me", me.accountId()).query(Long.class).single();
        List<InboxEntry> rows = jdbc.sql("""
                select id, message_code, args, link, created_at, read_at from inbox_items where recipient_id = :me
                order by created_at desc, id desc limit :limit offset :offset""")
                .param("me", me.accountId()).param("limit", pageable.getPageSize())
                .param("offset", pageable.getOffset())
                .query((rs, n) -> new InboxEntry(rs.getLong("id"),
                        NoticeText.render(formats, rs.getString("message_code"),
                                Arrays.asList((String[]) rs.getArray("args").getArray()), locale),
                        rs.getString("link"), rs.getTimestamp("created_at").toInstant(),
                        rs.getTimestamp("read_at") != null))
                .list();
        return new PageImpl<>(rows, pageable, total);
    }

    /** How many of the user's items are unread (one indexed count). */
    @Transactional(readOnly = true)
    public long unreadCount(CurrentUser me) {
        return jdbc.sql("select count(*) from inbox_items where recipient_id = :me and read_at is null")
                .param("me", me.accountId()).query(Long.class).single();
    }

    /** Marks the user's item read (again is fine). */
    public void markRead(CurrentUser me, long itemId) {
        int changed = jdbc.sql("""
                update inbox_items set read_at = :now where id = :id and recipient_id = :me and read_at is null""")
                .param("now", Timestamp.from(clock.instant())).param("id", itemId).param("me", me.accountId())
                .update();
        if (changed == 0 && !exists(me, itemId)) {
            throw new NotFound("Inbox item", itemId);
        }
    }

    /** Marks the user's item read and answers the desk page it points to ({@code /inbox} when none). */
    public String open(CurrentUser me, long itemId) {
        markRead(me, itemId);
        return link(me, itemId);
    }

    /** The desk page the user's item points to ({@code /inbox} when none), changing nothing. */
    @Transactional(readOnly = true)
    public String link(CurrentUser me, long itemId) {
        var row = jdbc.sql("select link from inbox_items where id = :id and recipient_id = :me")
                .param("id", itemId).param("me", me.accountId()).query((rs, n) -> new String[] { rs.getString(1) })
                .optional().orElseThrow(() -> new NotFound("Inbox item", itemId));
        return isLocalPath(row[0]) ? row[0] : "/inbox";
    }

    /** @return how many items were unread */
    public int markAllRead(CurrentUser me) {
        return jdbc.sql("update inbox_items set read_at = :now where recipient_id = :me and read_at is null")
                .param("now", Timestamp.from(clock.instant())).param("me", me.accountId()).update();
    }

    /** Whether this installation sends email (the inbox says so when it does not). */
    public boolean emailEnabled() {
        return settings.getEmail().isEnabled();
    }

    private boolean exists(CurrentUser me, long itemId) {
        return jdbc.sql("select count(*) from inbox_items where id = :id and recipient_id = :me")
                .param("id", itemId).param("me", me.accountId()).query(Long.class).single() > 0;
    }

    static boolean isLocalPath(String link) {
        return link != null && link.startsWith("/") && !link.startsWith("//") && !link.contains("\\");
    }

    /** An item as its recipient sees it. */
    public record InboxEntry(long id, String text, String link, Instant createdAt, boolean read) {
    }
}
