package io.echotune.music.recommend;

import io.echotune.music.catalog.Catalog;
import io.echotune.music.catalog.CatalogLoader;
import io.echotune.music.catalog.Track;
import io.echotune.music.history.Taste;
import io.echotune.music.mood.FeatureTargets;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.zip.GZIPInputStream;

/**
 * "More like <artist>", measured on playlists the recommender never saw.
 *
 * <p>The shipped catalog's playlists are split with a seed: a fifth are held out, and the catalog is built from the rest
 * only (genres and playlist memberships alike), so nothing of a held-out playlist leaks in. Then for every artist of a
 * held-out playlist that the catalog knows, the recommender is asked for ten tracks like that artist; a pick is a hit
 * when its artist is another artist of the same playlist, i.e. someone put the two together. Popularity, the content
 * ranking without playlists (audio features and genres) and the shipped ranking run on the same queries.
 *
 * <pre>./mvnw -q -pl music-tools -am install -DskipTests &amp;&amp; ./mvnw -q -pl music-tools validate exec:exec -Dseed.args="--seed 42"</pre>
 */
public final class SeedArtistEvaluation {

    private static final int K = 10;
    private static final double HELD_OUT = 0.2;

    private SeedArtistEvaluation() {
    }

    /** One ranker's figures over all queries. */
    public record Result(String name, int queries, double precision, double ndcg, double hitRate, double artistRecall,
                         double millisPerQuery) {
    }

    public static void main(String[] args) throws IOException {
        long seed = 42;
        for (int i = 0; i < args.length; i++) {
            if (args[i].equals("--seed") && i + 1 < args.length) {
                seed = Long.parseLong(args[++i]);
            } else {
                System.err.println("usage: SeedArtistEvaluation [--seed N]");
                System.exit(2);
            }
        }
        List<Result> results = run(seed, System.out::println);
        System.out.printf(Locale.ROOT, "%n%-34s %7s %8s %8s %8s %9s %9s%n", "ranker (seed " + seed + ")", "queries",
                "P@10", "nDCG@10", "HR@10", "artistR", "ms/query");
        for (Result r : results) {
            System.out.printf(Locale.ROOT, "%-34s %7d %8.4f %8.4f %8.4f %9.4f %9.2f%n", r.name(), r.queries(), r.precision(),
                    r.ndcg(), r.hitRate(), r.artistRecall(), r.millisPerQuery());
        }
    }

    /** Runs the evaluation on the shipped data; {@code progress} gets a line now and then. */
    public static List<Result> run(long seed, Consumer<String> progress) throws IOException {
        Map<String, Set<String>> artistsByPlaylist = artistsByPlaylist();
        List<String> playlists = new ArrayList<>(new TreeSet<>(artistsByPlaylist.keySet()));
        Collections.shuffle(playlists, new Random(seed));
        Set<String> heldOut = new HashSet<>(playlists.subList(0, (int) Math.round(playlists.size() * HELD_OUT)));

        List<Track> training;
        try (InputStream in = new GZIPInputStream(shippedCsv())) {
            training = CatalogLoader.load(in, playlist -> !heldOut.contains(playlist));
        }
        Catalog catalog = new Catalog(training);
        progress.accept(String.format(Locale.ROOT, "%d playlists, %d held out; catalog from the rest: %d tracks",
                playlists.size(), heldOut.size(), training.size()));

        Map<String, Function<String, List<Track>>> rankers = new LinkedHashMap<>();
        rankers.put("popularity", popularity(training));
        rankers.put("features + genres (before)", content(new Catalog(training.stream().map(SeedArtistEvaluation::withoutPlaylists).toList())));
        rankers.put("features + genres + playlists", content(catalog));

        List<Query> queries = new ArrayList<>();
        for (String playlist : playlists) {
            if (!heldOut.contains(playlist)) continue;
            Set<String> artists = artistsByPlaylist.get(playlist);
            for (String artist : artists) {
                Set<String> others = new HashSet<>(artists);
                others.remove(artist);
                if (!others.isEmpty() && !catalog.byArtist(artist).isEmpty()) {
                    queries.add(new Query(catalog.artistName(artist).orElseThrow(), others));
                }
            }
        }
        progress.accept(queries.size() + " queries (an artist of a held-out playlist the catalog knows)");

        double ideal = 0; // every one of the ten picks a hit
        for (int rank = 0; rank < K; rank++) ideal += 1 / log2(rank + 2);
        List<Result> results = new ArrayList<>();
        for (var ranker : rankers.entrySet()) {
            double precision = 0, ndcg = 0, hits = 0, recall = 0;
            long start = System.nanoTime();
            for (int q = 0; q < queries.size(); q++) {
                Query query = queries.get(q);
                List<Track> picks = ranker.getValue().apply(query.artist());
                Set<String> found = new HashSet<>();
                double dcg = 0;
                int hit = 0;
                for (int rank = 0; rank < picks.size() && rank < K; rank++) {
                    String artist = Catalog.normalize(picks.get(rank).artistLine());
                    if (query.others().contains(artist)) {
                        hit++;
                        dcg += 1 / log2(rank + 2);
                        found.add(artist);
                    }
                }
                precision += hit / (double) K;
                ndcg += dcg / ideal;
                hits += hit > 0 ? 1 : 0;
                recall += found.size() / (double) Math.min(K, query.others().size());
                if ((q + 1) % 2000 == 0) {
                    progress.accept(String.format(Locale.ROOT, "  %s: %d / %d queries", ranker.getKey(), q + 1, queries.size()));
                }
            }
            int n = queries.size();
            results.add(new Result(ranker.getKey(), n, precision / n, ndcg / n, hits / n, recall / n,
                    (System.nanoTime() - start) / 1e6 / n));
            progress.accept("  " + ranker.getKey() + ": done");
        }
        return results;
    }

    private record Query(String artist, Set<String> others) {
    }

    private static Function<String, List<Track>> content(Catalog catalog) {
        TrackRecommender recommender = new TrackRecommender(catalog);
        Taste none = new Taste(Map.of());
        return artist -> {
            RecommendRequest request = new RecommendRequest(List.of(), List.of(artist), List.of(), FeatureTargets.NONE,
                    List.of(), Optional.empty(), Set.of(), K);
            return recommender.recommend(request, none).stream().map(RecommendedTrack::track).toList();
        };
    }

    /** The most popular tracks, at most two per artist and none by the seed artist: what a chart would offer. */
    private static Function<String, List<Track>> popularity(List<Track> training) {
        List<Track> byPopularity = training.stream().sorted(Comparator.comparingInt(Track::popularity).reversed()).toList();
        return artist -> {
            String seed = Catalog.normalize(artist);
            Map<String, Integer> perArtist = new TreeMap<>();
            List<Track> picks = new ArrayList<>();
            for (Track t : byPopularity) {
                String a = Catalog.normalize(t.artistLine());
                if (!a.equals(seed) && perArtist.merge(a, 1, Integer::sum) <= 2) picks.add(t);
                if (picks.size() == K) break;
            }
            return picks;
        };
    }

    private static Track withoutPlaylists(Track t) {
        return new Track(t.id(), t.title(), t.artists(), t.album(), t.releaseYear(), t.genre(), t.genres(), List.of(),
                t.popularity(), t.durationMs(), t.features());
    }

    /** Playlist id → the artists in it, spelled as the catalog compares them. */
    private static Map<String, Set<String>> artistsByPlaylist() throws IOException {
        Map<String, Set<String>> artists = new TreeMap<>();
        CSVFormat format = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get();
        try (Reader reader = new InputStreamReader(new GZIPInputStream(shippedCsv()), StandardCharsets.UTF_8)) {
            for (CSVRecord row : format.parse(reader)) {
                String artist = row.get("track_artist");
                if (artist != null && !artist.isBlank() && !artist.equals("NA")) {
                    artists.computeIfAbsent(row.get("playlist_id"), p -> new TreeSet<>()).add(Catalog.normalize(artist.strip()));
                }
            }
        }
        return artists;
    }

    private static InputStream shippedCsv() {
        return SeedArtistEvaluation.class.getResourceAsStream(Catalog.SHIPPED_RESOURCE);
    }

    private static double log2(double x) {
        return Math.log(x) / Math.log(2);
    }
}
