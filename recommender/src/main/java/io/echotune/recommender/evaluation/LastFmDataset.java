package io.echotune.recommender.evaluation;

import io.echotune.recommender.content.ContentModel;
import io.echotune.recommender.data.Interactions;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.zip.GZIPInputStream;

/**
 * The HetRec 2011 Last.fm-2K data: user-artist play counts, and artist tag vectors
 * (TF-IDF over the tags users put on artists) as content features.
 *
 * @param plays  user × artist play counts
 * @param tags   artist tag vectors, for the artists that appear in {@code plays} and carry tags
 */
public record LastFmDataset(Interactions plays, ContentModel tags) {

    /** Tags used on fewer artists than this are noise (typos, personal labels). */
    private static final int MIN_TAG_ARTISTS = 2;

    public static LastFmDataset load(Path dir) throws IOException {
        Path plays = dir.resolve("user_artists.dat.gz");
        if (!Files.isRegularFile(plays)) {
            throw new NoSuchFileException(dir.toAbsolutePath().normalize().toString(), null,
                    "Last.fm-2K data not found: expected user_artists.dat.gz, tags.dat.gz and "
                            + "user_taggedartists.dat.gz in this directory (pass --data DIR)");
        }
        Interactions.Builder b = Interactions.builder();
        lines(plays, StandardCharsets.US_ASCII, f -> b.add(f[0], f[1], Double.parseDouble(f[2])));
        Interactions interactions = b.build();
        return new LastFmDataset(interactions, tags(dir, interactions));
    }

    private static ContentModel tags(Path dir, Interactions plays) throws IOException {
        Map<String, String> tagNames = new HashMap<>();
        lines(dir.resolve("tags.dat.gz"), StandardCharsets.ISO_8859_1, f -> tagNames.put(f[0], f[1]));
        // artist → tag → number of users who put that tag on the artist
        Map<String, Map<String, Integer>> counts = new HashMap<>();
        lines(dir.resolve("user_taggedartists.dat.gz"), StandardCharsets.US_ASCII, f -> {
            if (plays.items().contains(f[1])) {
                counts.computeIfAbsent(f[1], a -> new HashMap<>()).merge(f[2], 1, Integer::sum);
            }
        });
        Map<String, Integer> artistsPerTag = new HashMap<>();
        counts.values().forEach(m -> m.keySet().forEach(t -> artistsPerTag.merge(t, 1, Integer::sum)));
        List<String> features = new ArrayList<>();
        Map<String, Integer> featureOf = new HashMap<>();
        artistsPerTag.entrySet().stream()
                .filter(e -> e.getValue() >= MIN_TAG_ARTISTS)
                .map(Map.Entry::getKey)
                .sorted()
                .forEach(t -> {
                    featureOf.put(t, features.size());
                    features.add(tagNames.getOrDefault(t, "tag" + t));
                });
        ContentModel.Builder model = ContentModel.builder(features);
        double artists = counts.size();
        for (String artist : plays.items().ids()) {
            Map<String, Integer> tagCounts = counts.get(artist);
            if (tagCounts == null) {
                continue;
            }
            List<int[]> kept = new ArrayList<>();
            List<Float> values = new ArrayList<>();
            tagCounts.forEach((tag, n) -> {
                Integer f = featureOf.get(tag);
                if (f != null) {
                    kept.add(new int[] {f});
                    values.add((float) (Math.log1p(n) * Math.log(artists / artistsPerTag.get(tag))));
                }
            });
            if (kept.isEmpty()) {
                continue;
            }
            int[] idx = new int[kept.size()];
            float[] val = new float[kept.size()];
            for (int j = 0; j < idx.length; j++) {
                idx[j] = kept.get(j)[0];
                val[j] = values.get(j);
            }
            model.addSparse(artist, idx, val);
        }
        return model.build();
    }

    private static void lines(Path file, Charset charset, Consumer<String[]> row) throws IOException {
        if (!Files.isRegularFile(file)) {
            throw new NoSuchFileException(file.toString(), null, "Last.fm-2K file missing");
        }
        try (BufferedReader r = new BufferedReader(new InputStreamReader(
                new GZIPInputStream(Files.newInputStream(file), 1 << 16), charset))) {
            String line = r.readLine(); // header
            int number = 1;
            while ((line = r.readLine()) != null) {
                number++;
                if (line.isBlank()) {
                    continue;
                }
                String[] f = line.strip().split("\t");
                try {
                    row.accept(f);
                } catch (RuntimeException e) {
                    throw new IOException(file.getFileName() + " line " + number + " is malformed: " + line, e);
                }
            }
        }
    }
}
