package io.echotune.server.storage;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

import java.nio.file.Path;

/**
 * Where EchoTune keeps its data when no external MongoDB is configured.
 *
 * @param dataDir       directory of the embedded database file ({@code ECHOTUNE_DATA_DIR}, default ./data)
 * @param embeddedPort  loopback port of the embedded server; 0 picks a free one
 * @param database      database name used with the embedded server
 * @param pageCache     the embedded store's page cache ({@code ECHOTUNE_PAGE_CACHE}), whole megabytes, at least 1.
 *                      Small on purpose: under load every written page passes through it, and pages that stay a second
 *                      or more are promoted to the old generation and die there (see {@link EmbeddedMongoConfiguration})
 */
@ConfigurationProperties("echotune.storage")
public record StorageProperties(
        @DefaultValue("./data") Path dataDir,
        @DefaultValue("0") int embeddedPort,
        @DefaultValue("echotune") String database,
        @DefaultValue("2MB") DataSize pageCache) {

    public StorageProperties {
        if (pageCache.toMegabytes() < 1) {
            throw new IllegalArgumentException("ECHOTUNE_PAGE_CACHE must be at least 1MB (H2 has no page cache below that), got " + pageCache);
        }
    }
}
