package dev.aftersales.claims.internal;

import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

public interface SavedReplyRepository extends JpaRepository<SavedReply, Long> {

    @Query("""
            select r from SavedReply r where r.audience = :audience and r.retiredAt is null
              and (:shopId is null and r.shopId is null or r.shopId = :shopId) order by r.title, r.id""")
    List<SavedReply> active(String audience, Long shopId);
}
