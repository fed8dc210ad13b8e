package io.echotune.bot.nlu;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Trains from scratch into an empty cache, then starts again from the cache and must read messages the same way. */
class ModelCacheTest {

    @Test
    void aCachedModelReadsMessagesExactlyAsTheFreshlyTrainedOne(@TempDir Path cache) throws Exception {
        String before = System.getProperty("echotune.nlu.cache-dir");
        System.setProperty("echotune.nlu.cache-dir", cache.toString());
        try {
            CatalogVocabulary vocabulary = TestNlu.vocabulary();
            Nlu trained = Nlu.train(vocabulary);
            try (var files = Files.list(cache)) {
                assertThat(files.map(p -> p.getFileName().toString()).toList())
                        .anyMatch(name -> name.startsWith("intents-"))
                        .anyMatch(name -> name.startsWith("sentiment-"));
            }
            Nlu cached = Nlu.train(vocabulary);
            for (String text : List.of("play Blinding Lights by the weeknd", "I'm so stressed", "save it",
                    "make a playlist of 20 songs called Run Club", "what's the weather")) {
                assertThat(cached.understand(text, NluContext.EMPTY)).isEqualTo(trained.understand(text, NluContext.EMPTY));
            }
        } finally {
            if (before == null) {
                System.clearProperty("echotune.nlu.cache-dir");
            } else {
                System.setProperty("echotune.nlu.cache-dir", before);
            }
        }
    }

    @Test
    void theCacheCanBeSwitchedOff() {
        String before = System.getProperty("echotune.nlu.cache-dir");
        System.setProperty("echotune.nlu.cache-dir", "off");
        try {
            assertThat(ModelCache.directory()).isEmpty();
            assertThat(ModelCache.load("intents")).isEmpty();
        } finally {
            if (before == null) {
                System.clearProperty("echotune.nlu.cache-dir");
            } else {
                System.setProperty("echotune.nlu.cache-dir", before);
            }
        }
    }
}
