package dev.aftersales.identity.internal;

import java.util.List;
import java.util.Optional;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

import dev.aftersales.identity.UserAccount;

public interface UserAccountRepository extends JpaRepository<UserAccount, Long> {

    /**
     * The accounts with these ids, the ids bound as one array: a list bound to {@code in :ids} keeps a query out of
     * Hibernate's plan cache (it is translated again on every call, 3 to 5 % of a page's CPU for these lookups), an
     * array does not, and {@code id = any(?)} reads the primary key's index.
     */
    @Query(value = "select * from user_accounts where id = any(:ids)", nativeQuery = true)
    List<UserAccount> withIds(Long[] ids);

    Optional<UserAccount> findByUsername(String username);

    Optional<UserAccount> findByExternalRef(String externalRef);

    Page<UserAccount> findAllByOrderByRoleAscUsernameAsc(Pageable pageable);

    @Query("""
            select a from UserAccount a
            where a.role = dev.aftersales.shared.Role.BUYER
              and (lower(a.username) = lower(:q) or lower(a.displayName) like lower(concat('%', :pattern, '%')) escape '\\'
                   or a.phone = :q or lower(a.externalRef) = lower(:q))
            order by a.id""")
    List<UserAccount> searchBuyers(String q, String pattern, Pageable pageable);

    List<UserAccount> findByShopIdAndRoleAndEnabledTrueOrderById(long shopId, dev.aftersales.shared.Role role);

    @org.springframework.data.jpa.repository.Modifying
    @Query("update UserAccount a set a.preferredLanguage = :tag where a.id = :id and a.preferredLanguage is null")
    int preferLanguageIfUnset(long id, String tag);
}
