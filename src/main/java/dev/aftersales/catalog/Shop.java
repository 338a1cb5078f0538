package dev.aftersales.catalog;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/**
 * A shop on the marketplace. Its own policy promises are nullable: {@code null} means "the platform default".
 */
@Entity
@Table(name = "shops")
public class Shop {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(nullable = false, unique = true, length = 32)
    private String code;

    @Column(nullable = false, length = 100)
    private String name;

    private Integer shipByHours;
    private Integer firstResponseHours;
    private Integer reshipmentHours;
    private Integer missingItemWindowDays;
    private Integer noReasonReturnDays;
    private Integer qualityWindowDays;
    private Long fastTrackThresholdFen;

    @Column(nullable = false)
    private Instant createdAt;

    @Version
    private long version;

    protected Shop() {
    }

    Shop(String code, String name, Instant createdAt) {
        this.code = code;
        this.name = name;
        this.createdAt = createdAt;
    }

    public Long id() {
        return id;
    }

    public String code() {
        return code;
    }

    public String name() {
        return name;
    }

    public Integer shipByHours() {
        return shipByHours;
    }

    public Integer firstResponseHours() {
        return firstResponseHours;
    }

    public Integer reshipmentHours() {
        return reshipmentHours;
    }

    public Integer missingItemWindowDays() {
        return missingItemWindowDays;
    }

    public Integer noReasonReturnDays() {
        return noReasonReturnDays;
    }

    public Integer qualityWindowDays() {
        return qualityWindowDays;
    }

    public Long fastTrackThresholdFen() {
        return fastTrackThresholdFen;
    }

    void promise(ShopPromises promises) {
        this.shipByHours = promises.shipByHours();
        this.firstResponseHours = promises.firstResponseHours();
        this.reshipmentHours = promises.reshipmentHours();
        this.missingItemWindowDays = promises.missingItemWindowDays();
        this.noReasonReturnDays = promises.noReasonReturnDays();
        this.qualityWindowDays = promises.qualityWindowDays();
        this.fastTrackThresholdFen = promises.fastTrackThresholdFen();
    }

    ShopPromises promises() {
        return new ShopPromises(shipByHours, firstResponseHours, reshipmentHours, missingItemWindowDays,
                noReasonReturnDays, qualityWindowDays, fastTrackThresholdFen);
    }
}
