package io.echotune.music.recommend;

import io.echotune.music.catalog.Track;
import io.echotune.music.history.FeedbackKind;
import io.echotune.music.history.ListeningEvent;
import io.echotune.music.history.Taste;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.UUID;
import java.util.function.IntConsumer;
import java.util.stream.Collectors;

/**
 * Latency of top-10 through the serving path (not a test: run it, see recommender/README.md "Serving latency").
 * Synthetic feedback: 2,000 users who each like 30 tracks of one genre, over the whole shipped catalog.
 */
public final class ServingLatency {

    public static void main(String[] args) {
        try (ServingFixture f = new ServingFixture(ServingFixture.properties(1_000_000), Optional.empty())) {
            Random random = new Random(42);
            Map<String, List<Track>> byGenre = f.catalog.all().stream().filter(t -> t.features().isPresent())
                    .collect(Collectors.groupingBy(Track::genre));
            List<String> genres = List.copyOf(byGenre.keySet());
            List<ListeningEvent> events = new ArrayList<>();
            int users = 2000;
            for (int u = 0; u < users; u++) {
                List<Track> pool = byGenre.get(genres.get(random.nextInt(genres.size())));
                for (int i = 0; i < 30; i++) {
                    Track t = pool.get((int) Math.min(pool.size() - 1, Math.abs(random.nextGaussian()) * pool.size() / 4));
                    events.add(new ListeningEvent(UUID.randomUUID().toString(), "u" + u, t.id(),
                            random.nextInt(10) == 0 ? FeedbackKind.LIKE : FeedbackKind.PLAY, "bench", Instant.now(), null));
                }
            }
            f.mongo.insertAll(events);
            long t0 = System.nanoTime();
            System.out.println("retrain: " + f.models.retrain() + " in " + (System.nanoTime() - t0) / 1_000_000 + " ms; "
                    + f.models.current().map(m -> m.users() + " users, " + m.tracks() + " tracks").orElse("no model"));

            Taste[] tastes = new Taste[200];
            for (int i = 0; i < tastes.length; i++) tastes[i] = f.history.taste("u" + i);
            RecommendRequest top10 = RecommendRequest.ofCount(10);
            measure("ranking (TrackRecommender, CF + content, taste given)", 3000,
                    i -> f.recommender.recommend("u" + (i % 200), top10, tastes[i % 200]));
            TrackRecommender contentOnly = new TrackRecommender(f.catalog);
            measure("ranking, content only (no collaborative model)", 3000,
                    i -> contentOnly.recommend("u" + (i % 200), top10, tastes[i % 200]));
            Taste none = new Taste(java.util.Map.of());
            measure("ranking, content only, no taste, request ranked before (kept ranking)", 3000,
                    i -> contentOnly.recommend(top10, none));
            measure("serving, cache miss (Recommendations: taste from MongoDB, rank, cache, record)", 1000, i -> {
                String user = "u" + (200 + i % 1800);
                f.history.changed(user); // as after their feedback: the taste is read again
                f.recommendations.recommend(user, top10.withCount(10 + i / 1800));
            });
            measure("serving, picks not cached, taste cached (rank, cache, record)", 1000,
                    i -> f.recommendations.recommend("u" + (200 + i % 1800), top10.withCount(20 + i / 1800)));
            measure("serving, cache hit (L1) incl. queuing the recommendations record", 3000,
                    i -> f.recommendations.recommend("u0", top10));
        }
    }

    private static void measure(String name, int n, IntConsumer call) {
        for (int i = 0; i < Math.min(n, 500); i++) call.accept(i); // warm-up
        long[] nanos = new long[n];
        for (int i = 0; i < n; i++) {
            long s = System.nanoTime();
            call.accept(i);
            nanos[i] = System.nanoTime() - s;
        }
        Arrays.sort(nanos);
        System.out.printf("%s: n=%d p50 %.2f ms, p99 %.2f ms, mean %.2f ms%n", name, n, nanos[n / 2] / 1e6,
                nanos[(int) (n * 0.99)] / 1e6, Arrays.stream(nanos).average().orElse(0) / 1e6);
    }
}
