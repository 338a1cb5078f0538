package dev.aftersales.claims.internal;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Limits on evidence ({@code aftersales.evidence.*}): per photo or PDF (10 MB), per MP4 video (30 MB), per message
 * or form (9 files), and the longest file name accepted (255 characters; it is kept shortened to its last 100).
 */
@ConfigurationProperties("aftersales.evidence")
public record EvidenceSettings(@DefaultValue("10MB") DataSize maxFileSize, @DefaultValue("9") int maxFiles,
        @DefaultValue("30MB") DataSize maxVideoSize, @DefaultValue("255") int maxNameLength) {
}
