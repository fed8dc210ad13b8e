package io.echotune.bot.nlu;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.zip.GZIPInputStream;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;

/** Reads a {@link CatalogVocabulary} straight from the shipped Spotify catalog CSV, for evaluation and tests. */
final class CatalogCsv {

    static final String SHIPPED_CATALOG = "/catalog/spotify_songs.csv.gz";

    private CatalogCsv() {
    }

    /** The vocabulary of the catalog on the classpath; {@code limit} rows at most (0 = all). */
    static CatalogVocabulary shipped(int limit) {
        try (InputStream in = CatalogCsv.class.getResourceAsStream(SHIPPED_CATALOG)) {
            if (in == null) {
                throw new IllegalStateException("the shipped catalog " + SHIPPED_CATALOG + " is not on the classpath");
            }
            return read(in, limit);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + SHIPPED_CATALOG, e);
        }
    }

    static CatalogVocabulary read(InputStream gzippedCsv, int limit) throws IOException {
        Set<String> artists = new LinkedHashSet<>();
        Set<String> titles = new LinkedHashSet<>();
        Set<String> genres = new LinkedHashSet<>();
        BufferedReader reader = new BufferedReader(new InputStreamReader(new GZIPInputStream(gzippedCsv),
                StandardCharsets.UTF_8));
        int rows = 0;
        for (CSVRecord r : CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get().parse(reader)) {
            artists.add(r.get("track_artist"));
            titles.add(r.get("track_name"));
            genres.add(r.get("playlist_genre"));
            genres.add(r.get("playlist_subgenre"));
            if (limit > 0 && ++rows >= limit) {
                break;
            }
        }
        artists.remove("");
        titles.remove("");
        genres.remove("");
        return new CatalogVocabulary(artists, titles, genres);
    }
}
