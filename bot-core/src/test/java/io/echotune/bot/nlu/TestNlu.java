package io.echotune.bot.nlu;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** One NLU for all tests of the package, built once from the small vocabulary in {@code nlu/test-vocabulary.tsv}. */
final class TestNlu {

    private static Nlu nlu;
    private static java.nio.file.Path cache;

    private TestNlu() {
    }

    /**
     * Trained from scratch once per test run, into a cache directory of its own, so the tests always
     * exercise training and never depend on what an earlier run left in the shared cache.
     */
    static synchronized Nlu get() {
        if (nlu == null) {
            cache = ModelCacheDirectory.create();
            nlu = ModelCacheDirectory.with(cache, () -> Nlu.train(vocabulary()));
        }
        return nlu;
    }

    /** The cache directory {@link #get()} trained into. */
    static synchronized java.nio.file.Path cache() {
        get();
        return cache;
    }

    static CatalogVocabulary vocabulary() {
        List<String> artists = new ArrayList<>();
        List<String> tracks = new ArrayList<>();
        List<String> genres = new ArrayList<>();
        for (String line : resourceLines("/nlu/test-vocabulary.tsv")) {
            String[] cells = line.split("\t", 2);
            switch (cells[0]) {
                case "artist" -> artists.add(cells[1]);
                case "track" -> tracks.add(cells[1]);
                case "genre" -> genres.add(cells[1]);
                default -> throw new IllegalStateException("unknown kind in test vocabulary: " + line);
            }
        }
        return new CatalogVocabulary(artists, tracks, genres);
    }

    static List<String> resourceLines(String resource) {
        try (InputStream in = TestNlu.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing test resource " + resource);
            }
            List<String> lines = new ArrayList<>();
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            for (String line; (line = reader.readLine()) != null; ) {
                if (!line.isBlank() && !line.startsWith("#")) {
                    lines.add(line);
                }
            }
            return lines;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
