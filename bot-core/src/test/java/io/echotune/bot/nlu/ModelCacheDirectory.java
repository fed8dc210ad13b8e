package io.echotune.bot.nlu;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Supplier;

/** Runs NLU code against a chosen model cache directory, restoring the setting afterwards. */
final class ModelCacheDirectory {

    private static final String PROPERTY = "echotune.nlu.cache-dir";

    private ModelCacheDirectory() {
    }

    static Path create() {
        try {
            Path dir = Files.createTempDirectory("echotune-nlu-test-cache");
            dir.toFile().deleteOnExit();
            return dir;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static synchronized <T> T with(Object directory, Supplier<T> work) {
        String before = System.getProperty(PROPERTY);
        System.setProperty(PROPERTY, directory.toString());
        try {
            return work.get();
        } finally {
            if (before == null) {
                System.clearProperty(PROPERTY);
            } else {
                System.setProperty(PROPERTY, before);
            }
        }
    }
}
