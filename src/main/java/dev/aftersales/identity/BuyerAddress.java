package dev.aftersales.identity;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A delivery address a buyer has used, kept in a normalised form so that shared addresses can be recognised. */
@Entity
@Table(name = "buyer_addresses")
public class BuyerAddress {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(nullable = false)
    private long buyerId;

    @Column(nullable = false, length = 300)
    private String address;

    @Column(nullable = false, length = 300)
    private String normalized;

    @Column(nullable = false)
    private Instant firstUsedAt;

    protected BuyerAddress() {
    }

    BuyerAddress(long buyerId, String address, Instant firstUsedAt) {
        this.buyerId = buyerId;
        this.address = address;
        this.normalized = normalize(address);
        this.firstUsedAt = firstUsedAt;
    }

    /** Lower case, no white space or punctuation: "No. 5, Lane 12" and "no5 lane12" are the same address. */
    static String normalize(String address) {
        return address.toLowerCase(java.util.Locale.ROOT).replaceAll("[\\s\\p{Punct}，。、－—（）]", "");
    }

    public long buyerId() {
        return buyerId;
    }

    public String address() {
        return address;
    }

    public String normalized() {
        return normalized;
    }

    public Instant firstUsedAt() {
        return firstUsedAt;
    }
}
