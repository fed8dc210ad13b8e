package io.echotune.server.storage;

import org.h2.mvstore.MVStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;
import org.springframework.util.unit.DataSize;

import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The embedded store is opened with the configured page cache, and a cache H2 cannot have is refused with a reason. */
class EmbeddedStoreTest {

    @TempDir
    Path dir;

    @Test
    void theStoreOpensWithTheConfiguredPageCache() {
        MVStore store = EmbeddedMongoConfiguration.openStore(dir.resolve("echotune.mv.db"), properties(DataSize.ofMegabytes(3)));
        try {
            assertThat(store.getCacheSize()).isEqualTo(3);
            assertThat(store.getAutoCommitDelay()).isEqualTo(100);
        } finally {
            store.close();
        }
    }

    @Test
    void theDefaultPageCacheIsTwoMegabytesNotH2sSixteen() {
        StorageProperties defaults = new Binder(new MapConfigurationPropertySource(Map.of("echotune.storage.data-dir", dir.toString())))
                .bindOrCreate("echotune.storage", StorageProperties.class);
        assertThat(defaults.pageCache()).isEqualTo(DataSize.ofMegabytes(2));
        MVStore store = EmbeddedMongoConfiguration.openStore(dir.resolve("echotune.mv.db"), defaults);
        try {
            assertThat(store.getCacheSize()).isEqualTo(2);
        } finally {
            store.close();
        }
    }

    @Test
    void aCacheBelowOneMegabyteIsRefused() {
        assertThatThrownBy(() -> properties(DataSize.ofKilobytes(512)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("ECHOTUNE_PAGE_CACHE must be at least 1MB");
    }

    private StorageProperties properties(DataSize pageCache) {
        return new StorageProperties(dir, 0, "echotune", pageCache);
    }
}
