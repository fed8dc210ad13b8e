package io.echotune.bot.nlu;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Optional;
import opennlp.tools.ml.model.AbstractModel;
import opennlp.tools.ml.model.GenericModelReader;
import opennlp.tools.ml.model.GenericModelWriter;
import opennlp.tools.ml.model.MaxentModel;

/**
 * Keeps trained models on local disk, named by a hash of everything they were trained from (the
 * training files, the lexicons and {@link #FORMAT}), so a restart loads in milliseconds what took
 * seconds to train, and any change to the data or features trains afresh. The cache is only a speed-up:
 * when it cannot be read or written the model is simply trained. Directory: system property
 * {@code echotune.nlu.cache-dir}, else {@code ECHOTUNE_NLU_CACHE_DIR}, else {@code <tmp>/echotune-nlu-cache};
 * set it to {@code off} to always train.
 */
final class ModelCache {

    /** Bump when feature extraction or training parameters change in code. */
    static final String FORMAT = "nlu-v5";
    private static final String[] INPUTS = {
        IntentClassifier.TRAINING_FILE, "nlu/chat-words.txt", "nlu/moods.tsv", "nlu/activities.tsv", "nlu/genres.tsv",
        "nlu/common-words.txt", SentimentClassifier.REVIEWS_FILE, SentimentClassifier.CHAT_FILE
    };

    private ModelCache() {
    }

    static Optional<Path> directory() {
        String configured = System.getProperty("echotune.nlu.cache-dir", System.getenv("ECHOTUNE_NLU_CACHE_DIR"));
        if ("off".equalsIgnoreCase(configured)) {
            return Optional.empty();
        }
        return Optional.of(configured == null || configured.isBlank()
                ? Path.of(System.getProperty("java.io.tmpdir"), "echotune-nlu-cache") : Path.of(configured));
    }

    /** The file a model named {@code name} trained from today's inputs lives in. */
    static Optional<Path> fileFor(String name) {
        return directory().map(dir -> dir.resolve(name + "-" + fingerprint(name) + ".bin.gz"));
    }

    static Optional<MaxentModel> load(String name) {
        Optional<Path> file = fileFor(name);
        if (file.isEmpty() || !Files.isRegularFile(file.get())) {
            return Optional.empty();
        }
        try {
            return Optional.of(new GenericModelReader(file.get().toFile()).getModel());
        } catch (IOException | RuntimeException e) {
            return Optional.empty(); // a damaged cache file is no reason to fail: train instead
        }
    }

    static void store(String name, MaxentModel model) {
        Optional<Path> file = fileFor(name);
        if (file.isEmpty() || !(model instanceof AbstractModel abstractModel)) {
            return;
        }
        try {
            Files.createDirectories(file.get().getParent());
            // the writer picks compression from the file name, so the temporary name keeps the suffix
            File tmp = Files.createTempFile(file.get().getParent(), name + "-", ".bin.gz").toFile();
            new GenericModelWriter(abstractModel, tmp).persist();
            Files.move(tmp.toPath(), file.get(), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException | RuntimeException e) {
            // read-only or full disk: the model in memory is all that is needed
        }
    }

    static String fingerprint(String name) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update((FORMAT + "/" + name).getBytes(java.nio.charset.StandardCharsets.UTF_8));
            for (String resource : INPUTS) {
                try (InputStream in = ModelCache.class.getClassLoader().getResourceAsStream(resource)) {
                    if (in != null) {
                        sha.update(in.readAllBytes());
                    }
                }
            }
            return HexFormat.of().formatHex(sha.digest(), 0, 12);
        } catch (NoSuchAlgorithmException | IOException e) {
            throw new IllegalStateException("cannot fingerprint the NLU training data", e);
        }
    }
}
