package io.echotune.recommender.benchmarks;

import io.echotune.recommender.cf.AlsConfig;
import io.echotune.recommender.cf.AlsTrainer;
import io.echotune.recommender.cf.ItemKnnConfig;
import io.echotune.recommender.cf.ItemKnnTrainer;
import io.echotune.recommender.content.ContentModel;
import io.echotune.recommender.data.Interactions;
import io.echotune.recommender.hybrid.HybridRecommender;
import io.echotune.recommender.hybrid.Recommendation;
import io.echotune.recommender.hybrid.RecommendationQuery;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;

/**
 * Latency of one top-10 request over a 28,356-item catalogue (the size of the shipped track
 * catalogue): ALS (64 factors) + item-kNN + 10 dense audio features + popularity, for a known
 * user, a cold-start user with seeds and a target, and with MMR. Sample mode reports p99.
 * Not a test: run with the jmh profile (see recommender/README.md).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-Xmx4g"})
public class RecommendBenchmark {

    static final int ITEMS = 28_356;
    static final int USERS = 3_000;
    static final List<String> AUDIO = List.of("danceability", "energy", "loudness", "speechiness", "acousticness",
            "instrumentalness", "liveness", "valence", "tempo", "duration");

    private HybridRecommender hybrid;
    private SplittableRandom random;

    @Setup(Level.Trial)
    public void setUp() {
        SplittableRandom r = new SplittableRandom(1);
        Interactions.Builder b = Interactions.builder();
        for (int i = 0; i < ITEMS; i++) {
            b.item("t" + i);
        }
        // Popularity follows a power law, like real listening data.
        for (int u = 0; u < USERS; u++) {
            int n = 20 + r.nextInt(60);
            for (int j = 0; j < n; j++) {
                int item = (int) (ITEMS * Math.pow(r.nextDouble(), 3));
                b.add("u" + u, "t" + item, 1 + r.nextInt(200));
            }
        }
        Interactions data = b.build();
        ContentModel.Builder content = ContentModel.builder(AUDIO).standardize(true);
        for (int i = 0; i < ITEMS; i++) {
            float[] v = new float[AUDIO.size()];
            for (int d = 0; d < v.length; d++) {
                v[d] = (float) r.nextDouble();
            }
            v[8] = 60 + 120 * v[8];
            content.add("t" + i, v);
        }
        hybrid = HybridRecommender.builder()
                .history(data)
                .als(new AlsTrainer(AlsConfig.defaults().withFactors(64).withIterations(5)).train(data))
                .itemKnn(new ItemKnnTrainer(ItemKnnConfig.defaults().withNeighbours(200)).train(data))
                .content(content.build())
                .build();
        random = new SplittableRandom(2);
    }

    @Benchmark
    public List<Recommendation> knownUserTop10() {
        return hybrid.recommend(RecommendationQuery.forUser("u" + random.nextInt(USERS)).count(10).build());
    }

    @Benchmark
    public List<Recommendation> knownUserTop10WithMmr() {
        return hybrid.recommend(RecommendationQuery.forUser("u" + random.nextInt(USERS)).count(10).diversity(0.3)
                .build());
    }

    @Benchmark
    public List<Recommendation> coldStartSeedsAndTargetTop10() {
        int seed = random.nextInt(ITEMS);
        return hybrid.recommend(RecommendationQuery.anonymous()
                .seeds(List.of("t" + seed, "t" + (seed + 1) % ITEMS, "t" + (seed + 2) % ITEMS))
                .target(new float[] {0.7f, 0.3f, 0.5f, 0.1f, 0.8f, 0.2f, 0.1f, 0.6f, 90f, 0.5f})
                .count(10).build());
    }
}
