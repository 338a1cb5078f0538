package dev.aftersales.claims;

import java.time.Clock;
import java.util.List;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import dev.aftersales.claims.internal.ClaimMessage;
import dev.aftersales.claims.internal.SavedReply;
import dev.aftersales.claims.internal.SavedReplyRepository;
import dev.aftersales.shared.CurrentUser;
import dev.aftersales.shared.NotFound;
import dev.aftersales.shared.Role;

/**
 * Saved replies: a shop's sellers keep theirs for messages, proposals and rejections; agents share the platform's
 * for decision rationales. On a claim's page each is offered with its placeholders already filled for that claim;
 * choosing one puts its text into the field, to be read and changed before sending (nothing is sent by choosing).
 */
@Service
@Transactional
public class SavedReplies {

    static final int MAX_PER_OWNER = 50;

    private final SavedReplyRepository replies;
    private final Clock clock;

    SavedReplies(SavedReplyRepository replies, Clock clock) {
        this.replies = replies;
        this.clock = clock;
    }

    /** The replies the viewer may use: the seller's shop's, or the platform's for agents and admins. */
    @Transactional(readOnly = true)
    public List<SavedReply> of(CurrentUser viewer) {
        Owner owner = ownerOf(viewer);
        return replies.active(owner.audience(), owner.shopId());
    }

    /**
     * A new saved reply of the viewer's shop (a seller) or of the platform (an agent or admin).
     *
     * @throws ClaimNotAllowed at the field: a title of 1 to 100 characters, a text of 1 to 2,000
     */
    public SavedReply create(CurrentUser author, String title, String body) {
        Owner owner = ownerOf(author);
        String t = title == null ? "" : title.strip();
        String b = body == null ? "" : body.strip();
        if (t.isEmpty() || t.length() > 100) {
            throw new ClaimNotAllowed("title", "replies.error.title");
        }
        if (b.isEmpty() || b.length() > ClaimMessage.MAX_LENGTH) {
            throw new ClaimNotAllowed("body", "replies.error.body", ClaimMessage.MAX_LENGTH);
        }
        if (replies.active(owner.audience(), owner.shopId()).size() >= MAX_PER_OWNER) {
            throw new ClaimNotAllowed("title", "replies.error.tooMany", MAX_PER_OWNER);
        }
        return replies.save(new SavedReply(owner.shopId(), owner.audience(), t, b, author.accountId(),
                clock.instant()));
    }

    /** Retires one of the viewer's replies; another owner's is not found. */
    public void retire(long id, CurrentUser viewer) {
        Owner owner = ownerOf(viewer);
        replies.findById(id).filter(r -> r.audience().equals(owner.audience())
                && java.util.Objects.equals(r.shopId(), owner.shopId()))
                .orElseThrow(() -> new NotFound("Saved reply", id)).retire(clock.instant());
    }

    /** The viewer's replies, filled for this claim, to offer on its page. */
    @Transactional(readOnly = true)
    public List<Filled> filledFor(CurrentUser viewer, ClaimView claim) {
        return of(viewer).stream().map(r -> new Filled(r.title(), ReplyPlaceholders.fill(r.body(),
                claim.buyerName(), claim.orderNumber(), claim.claimNumber(), claim.requestedAmount().format(),
                claim.shopName()))).toList();
    }

    private static Owner ownerOf(CurrentUser viewer) {
        if (viewer != null && viewer.role() == Role.SELLER && viewer.shopId() != null) {
            return new Owner("SELLER", viewer.shopId());
        }
        if (viewer != null && viewer.isPlatformStaff()) {
            return new Owner("AGENT", null);
        }
        throw new NotFound("Saved replies", 0);
    }

    private record Owner(String audience, Long shopId) {
    }

    /** A saved reply as offered on a claim's page: its title and its text for that claim. */
    public record Filled(String title, String text) {
    }
}
