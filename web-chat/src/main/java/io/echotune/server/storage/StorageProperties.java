package io.echotune.server.storage;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.nio.file.Path;

/**
 * Where EchoTune keeps its data when no external MongoDB is configured.
 *
 * @param dataDir       directory of the embedded database file ({@code ECHOTUNE_DATA_DIR}, default ./data)
 * @param embeddedPort  loopback port of the embedded server; 0 picks a free one
 * @param database      database name used with the embedded server
 */
@ConfigurationProperties("echotune.storage")
public record StorageProperties(
        @DefaultValue("./data") Path dataDir,
        @DefaultValue("0") int embeddedPort,
        @DefaultValue("echotune") String database) {
}
