package dev.aftersales.claims;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Limits on evidence ({@code aftersales.evidence.*}): per file (10 MB) and per message or form (9 files).
 */
@ConfigurationProperties("aftersales.evidence")
public record EvidenceSettings(@DefaultValue("10MB") DataSize maxFileSize, @DefaultValue("9") int maxFiles) {
}
