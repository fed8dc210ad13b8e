package io.echotune.bot.nlu;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The models trained for the tests were cached; starting again from the cache must read messages the same way. */
class ModelCacheTest {

    @Test
    void aCachedModelReadsMessagesExactlyAsTheFreshlyTrainedOne() throws Exception {
        Nlu trained = TestNlu.get();
        try (var files = Files.list(TestNlu.cache())) {
            assertThat(files.map(p -> p.getFileName().toString()).toList())
                    .anyMatch(name -> name.startsWith("intents-"))
                    .anyMatch(name -> name.startsWith("sentiment-"));
        }
        long start = System.nanoTime();
        Nlu cached = ModelCacheDirectory.with(TestNlu.cache(), () -> Nlu.train(TestNlu.vocabulary()));
        System.out.printf("NLU from the model cache in %.2f s%n", (System.nanoTime() - start) / 1e9);
        for (String text : List.of("play Blinding Lights by the weeknd", "I'm so stressed", "save it",
                "make a playlist of 20 songs called Run Club", "what's the weather")) {
            assertThat(cached.understand(text, NluContext.EMPTY)).isEqualTo(trained.understand(text, NluContext.EMPTY));
        }
    }

    @Test
    void theCacheCanBeSwitchedOff() {
        ModelCacheDirectory.with("off", () -> {
            assertThat(ModelCache.directory()).isEmpty();
            assertThat(ModelCache.load("intents")).isEmpty();
            return null;
        });
    }
}
