package dev.aftersales.identity;

import java.util.List;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Other buyer accounts linked to a buyer by a shared phone number or a shared delivery address (compared in the
 * normalised form, so "12 号 3 单元" and "12号3单元" are the same address). The risk module shows them, with what
 * links them, beside the buyer's return-abuse score.
 */
@Service
@Transactional(readOnly = true)
public class AccountLinks {

    private final JdbcTemplate jdbc;

    AccountLinks(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** What links two accounts. */
    public enum Via {
        PHONE, ADDRESS
    }

    /** One link: the other account and the shared value. */
    public record Link(long accountId, String username, String displayName, Via via, String value) {
    }

    /**
     * The buyers sharing a phone or an address with {@code buyerId}, by account, phone links first, at most
     * {@code limit} of them. A value many accounts share (a campus, a parcel locker, a company's front desk) links
     * each of them to all the others; the limit keeps what one buyer's score reads bounded however many share it.
     */
    public List<Link> linksOf(long buyerId, int limit) {
        return jdbc.query("""
                select o.id, o.username, o.display_name, 'PHONE' as via, o.phone as value
                from user_accounts me join user_accounts o
                  on o.phone = me.phone and o.id <> me.id and o.role = 'BUYER'
                where me.id = ? and me.phone is not null and me.phone <> ''
                union all
                select distinct o.id, o.username, o.display_name, 'ADDRESS', mine.address
                from buyer_addresses mine
                join buyer_addresses theirs on theirs.normalized = mine.normalized and theirs.buyer_id <> mine.buyer_id
                join user_accounts o on o.id = theirs.buyer_id and o.role = 'BUYER'
                where mine.buyer_id = ?
                order by 4 desc, 1
                limit ?""",
                (rs, i) -> new Link(rs.getLong(1), rs.getString(2), rs.getString(3), Via.valueOf(rs.getString(4)),
                        rs.getString(5)),
                buyerId, buyerId, limit);
    }
}
