package io.echotune.music.recommend;

import io.echotune.music.history.FeedbackKind;
import io.echotune.music.history.ListeningEvent;
import io.echotune.recommender.cf.AlsConfig;
import io.echotune.recommender.cf.AlsModel;
import io.echotune.recommender.cf.AlsTrainer;
import io.echotune.recommender.cf.ItemKnnConfig;
import io.echotune.recommender.cf.ItemKnnModel;
import io.echotune.recommender.cf.ItemKnnTrainer;
import io.echotune.recommender.data.Interactions;
import io.echotune.recommender.data.ProgressListener;
import io.echotune.recommender.hybrid.HybridRecommender;
import io.echotune.recommender.hybrid.HybridWeights;
import io.echotune.recommender.retrain.ModelHolder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Service;

import java.time.Clock;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;

/**
 * Trains the collaborative models from everyone's {@code listening_history} and serves the last good one. Training
 * runs on one background thread, so chat never waits for it; a failed or rejected run keeps the model that was serving
 * ({@link ModelHolder}); with too little feedback there is no collaborative model and recommendations stay
 * content-based. Progress goes to the log.
 */
@Service
@EnableConfigurationProperties(RecommenderProperties.class)
public class RecommenderModels {

    private static final Logger log = LoggerFactory.getLogger(RecommenderModels.class);
    /** In-app play counts are small: ALS with the evaluation's tuned α/λ (recommender/README.md) but fewer factors. */
    private static final HybridWeights SERVING_WEIGHTS = new HybridWeights(1.0, 0.5, 0.0, 0.1, 1.0);

    private final MongoTemplate mongo;
    private final RecommenderProperties properties;
    private final Clock clock;
    private final ModelHolder<CollaborativeModel> holder;
    private final ExecutorService trainer = Executors.newSingleThreadExecutor(Thread.ofPlatform()
            .name("recommender-training").daemon(true).priority(Thread.MIN_PRIORITY).factory());
    private final AtomicReference<CompletableFuture<ModelHolder.Outcome>> running = new AtomicReference<>();
    private final AtomicInteger feedbackSinceTraining = new AtomicInteger();

    public RecommenderModels(MongoTemplate mongo, RecommenderProperties properties, Clock clock) {
        this.mongo = mongo;
        this.properties = properties;
        this.clock = clock;
        this.holder = new ModelHolder<>(clock);
    }

    /** The serving collaborative model; empty until enough feedback exists for one. */
    public Optional<CollaborativeModel> current() {
        return holder.current();
    }

    /** What the last training run did (swapped, or why not). */
    public Optional<ModelHolder.Outcome> lastOutcome() {
        return holder.lastOutcome();
    }

    /** Trains now on the calling thread; concurrent calls return at once ("already running"). */
    public ModelHolder.Outcome retrain() {
        long next = holder.version() + 1;
        ModelHolder.Outcome outcome = holder.retrain(() -> train(next), m -> m.tracks() > 0);
        feedbackSinceTraining.set(0);
        if (outcome.swapped()) {
            CollaborativeModel m = holder.current().orElseThrow();
            log.info("Recommender model {} serving: {} users, {} tracks, {} feedback pairs", m.algorithmVersion(),
                    m.users(), m.tracks(), m.events());
        } else {
            log.info("Recommender retraining kept the {} model: {}", holder.current().map(CollaborativeModel::algorithmVersion)
                    .orElse("content-only"), outcome.failure().orElse("?"));
        }
        return outcome;
    }

    /**
     * Starts a retraining on the background thread, or joins the one already queued or running, so a burst of
     * triggers costs one training.
     */
    public CompletableFuture<ModelHolder.Outcome> retrainInBackground() {
        CompletableFuture<ModelHolder.Outcome> fresh = new CompletableFuture<>();
        CompletableFuture<ModelHolder.Outcome> existing = running.compareAndExchange(null, fresh);
        if (existing != null) {
            return existing;
        }
        trainer.execute(() -> {
            try {
                fresh.complete(retrain());
            } catch (RuntimeException | Error e) {
                log.error("Recommender retraining crashed; the last good model keeps serving", e);
                fresh.completeExceptionally(e);
            } finally {
                running.set(null);
            }
        });
        return fresh;
    }

    /** Counts a like/dislike; every {@code retrainAfterFeedback} of them start a background retraining. */
    public void feedbackRecorded() {
        if (feedbackSinceTraining.incrementAndGet() >= properties.retrainAfterFeedback()) {
            feedbackSinceTraining.set(0);
            retrainInBackground();
        }
    }

    private CollaborativeModel train(long version) {
        long start = System.nanoTime();
        log.info("Recommender training {}: reading listening_history", version);
        Interactions data = readHistory();
        if (data.userCount() < properties.minUsers() || data.size() < properties.minEvents()) {
            throw new IllegalStateException("not enough feedback for collaborative filtering yet (" + data.userCount()
                    + " users, " + data.size() + " pairs; need " + properties.minUsers() + " and " + properties.minEvents() + ")");
        }
        log.info("Recommender training {}: {} users × {} tracks, {} pairs", version, data.userCount(), data.itemCount(), data.size());
        AlsConfig als = AlsConfig.defaults().withFactors(properties.factors()).withIterations(properties.iterations())
                .withRegularization(0.2).withScaledRegularization(true).withAlpha(0.5).withThreads(properties.threads());
        AlsModel alsModel = new AlsTrainer(als, progress("ALS")).train(data);
        ItemKnnModel knn = new ItemKnnTrainer(ItemKnnConfig.defaults().withNeighbours(properties.neighbours())
                .withThreads(properties.threads()), progress("item-kNN")).train(data);
        HybridRecommender hybrid = HybridRecommender.builder().history(data).als(alsModel).itemKnn(knn)
                .weights(SERVING_WEIGHTS).build();
        log.info("Recommender training {}: done in {} ms", version, (System.nanoTime() - start) / 1_000_000);
        return new CollaborativeModel(hybrid, version, clock.instant(), data.userCount(), data.itemCount(), data.size());
    }

    /**
     * Every user's net preference per track, the way {@link io.echotune.music.history.ListeningHistory#taste} reads
     * one user's: plays and likes add, and the latest like/dislike of a track decides its sign.
     */
    Interactions readHistory() {
        Map<String, Map<String, double[]>> byUser = new HashMap<>(); // [weight, verdict: 0 none, 1 like, -1 dislike]
        Query query = new Query().with(Sort.by(Sort.Direction.ASC, "at"));
        query.fields().include("userId", "trackId", "kind", "at");
        int read = 0;
        try (Stream<ListeningEvent> events = mongo.stream(query, ListeningEvent.class)) {
            for (ListeningEvent e : (Iterable<ListeningEvent>) events::iterator) {
                double[] cell = byUser.computeIfAbsent(e.userId(), u -> new HashMap<>())
                        .computeIfAbsent(e.trackId(), t -> new double[2]);
                cell[0] += Math.abs(e.kind().weight());
                if (e.kind() == FeedbackKind.LIKE) cell[1] = 1;
                if (e.kind() == FeedbackKind.DISLIKE) cell[1] = -1;
                if (++read % 100_000 == 0) {
                    log.info("Recommender training: read {} listening events", read);
                }
            }
        }
        Interactions.Builder builder = Interactions.builder();
        byUser.forEach((user, tracks) -> tracks.forEach((track, cell) -> {
            if (cell[1] < 0) {
                builder.dislike(user, track);
            } else {
                builder.add(user, track, cell[0]);
            }
        }));
        log.info("Recommender training: read {} listening events of {} users", read, byUser.size());
        return builder.build();
    }

    private static ProgressListener progress(String stage) {
        return (step, done, total) -> {
            // a quarter at a time: enough to see training move without flooding the log
            if (total <= 4 || done == total || done % Math.max(1, total / 4) == 0) {
                log.info("Recommender training {} {}: {}/{}", stage, step, done, total);
            }
        };
    }
}
