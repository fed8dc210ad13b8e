package io.echotune.recommender.evaluation;

import io.echotune.recommender.cf.AlsConfig;
import io.echotune.recommender.cf.AlsModel;
import io.echotune.recommender.cf.AlsTrainer;
import io.echotune.recommender.cf.EaseConfig;
import io.echotune.recommender.cf.EaseModel;
import io.echotune.recommender.cf.EaseTrainer;
import io.echotune.recommender.cf.ItemKnnConfig;
import io.echotune.recommender.cf.ItemKnnModel;
import io.echotune.recommender.cf.ItemKnnTrainer;
import io.echotune.recommender.content.ContentModel;
import io.echotune.recommender.data.Interactions;
import io.echotune.recommender.data.ProgressListener;
import io.echotune.recommender.data.SparseRows;
import io.echotune.recommender.hybrid.ComponentScores;
import io.echotune.recommender.hybrid.HybridRecommender;
import io.echotune.recommender.hybrid.HybridWeights;
import io.echotune.recommender.hybrid.Recommendation;
import io.echotune.recommender.hybrid.RecommendationQuery;

import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.ServiceLoader;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Offline evaluation on HetRec 2011 Last.fm-2K: popularity, item-kNN, content, our ALS, EASE, Spark
 * MLlib ALS (when the spark-trainer module is on the classpath) and the hybrid, all on one
 * seeded per-user 80/20 split, hyperparameters chosen on a validation part carved from the
 * training part, then the DaisyRec 2.0 sampled-candidates protocol. Progress goes to stderr,
 * the result tables to stdout.
 *
 * <p>Usage: {@code EvaluationCli [--data DIR] [--seed N] [--threads N] [--no-spark] [--quick]}
 */
public final class EvaluationCli {

    private static final int K = 10;
    /** Relative loss of validation nDCG@10 accepted for a smaller (cheaper to train) EASE model. */
    private static final double EASE_TOLERANCE = 0.01;
    /** Relative loss of validation nDCG@10 accepted for fewer ALS sweeps (below this it is noise). */
    private static final double ITERATION_TOLERANCE = 0.005;

    private final Options options;
    private final Evaluator evaluator;
    private final ProgressListener progress;

    private EvaluationCli(Options options) {
        this.options = options;
        this.progress = options.quiet ? ProgressListener.NONE : ProgressListener.toStderr();
        this.evaluator = new Evaluator(K, options.threads, ProgressListener.NONE);
    }

    public static void main(String[] args) throws Exception {
        Options options;
        try {
            options = Options.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println("error: " + e.getMessage());
            System.err.println(Options.USAGE);
            System.exit(64);
            return;
        }
        if (options.help) {
            System.out.println(Options.USAGE);
            return;
        }
        if (!Files.isDirectory(options.data)) {
            System.err.println("error: the Last.fm-2K data directory is absent: " + options.data.toAbsolutePath()
                    + "\n  expected hetrec2011-lastfm-2k with user_artists.dat.gz, tags.dat.gz, user_taggedartists.dat.gz"
                    + "\n  (shared/data/hetrec2011-lastfm-2k next to the repository); pass --data DIR to point elsewhere.");
            System.exit(66);
            return;
        }
        try {
            new EvaluationCli(options).run();
        } catch (NoSuchFileException e) {
            System.err.println("error: " + e.getFile() + ": " + e.getReason());
            System.exit(66);
        }
    }

    private void run() throws Exception {
        log("loading %s", options.data);
        LastFmDataset ds = LastFmDataset.load(options.data);
        Interactions all = ds.plays();
        log("loaded %d users, %d artists, %d plays; %d artists with %d tag features", all.userCount(),
                all.itemCount(), all.size(), ds.tags().items().size(), ds.tags().dimensions());

        HoldoutSplit test = HoldoutSplit.of(all, 0.2, options.seed);
        HoldoutSplit validation = HoldoutSplit.of(test.train(), 0.2, options.seed + 1);
        log("split (seed %d): train %d, validation %d (carved from train), test %d interactions", options.seed,
                validation.train().size(), validation.heldOut().nonZeros(), test.heldOut().nonZeros());

        Tuned tuned = tune(validation, ds.tags());
        List<Row> rows = finalRun(test, ds.tags(), tuned);
        printFullTable(rows, test);
        if (!options.skipDaisy) {
            daisyProtocol(all, ds.tags(), tuned);
        }
    }

    // ---------------------------------------------------------------- tuning on validation

    private record Tuned(ItemKnnConfig knn, AlsConfig als, EaseConfig ease, AlsBackend.Params spark,
                         HybridWeights hybrid, String notes) {
    }

    private Tuned tune(HoldoutSplit val, ContentModel tags) throws Exception {
        StringBuilder notes = new StringBuilder();
        log("tuning item-kNN on validation");
        ItemKnnConfig bestKnn = null;
        double bestKnnNdcg = -1;
        ItemKnnModel bestKnnModel = null;
        List<ItemKnnConfig> knnGrid = new ArrayList<>();
        ItemKnnConfig base = ItemKnnConfig.defaults().withThreads(options.threads);
        for (int n : options.quick ? new int[] {200} : new int[] {100, 200, 400, 800}) {
            knnGrid.add(base.withNeighbours(n));
            if (!options.quick) {
                knnGrid.add(base.withNeighbours(n).withWeighting(ItemKnnConfig.Weighting.BM25));
            }
            for (double beta : options.quick ? new double[] {0.5} : new double[] {0.1, 0.3}) {
                knnGrid.add(base.withNeighbours(n).withRp3Beta(beta));
            }
        }
        for (ItemKnnConfig c : knnGrid) {
            ItemKnnModel m = new ItemKnnTrainer(c).train(val.train());
            double ndcg = evaluator.fullRanking(val, knnScorer(m, val.train())).ndcg();
            log("  item-kNN %s k=%d%s: val nDCG@10 %.4f", c.weighting(), c.neighbours(),
                    c.weighting() == ItemKnnConfig.Weighting.RP3_BETA ? " beta=" + c.b() : "", ndcg);
            if (ndcg > bestKnnNdcg) {
                bestKnnNdcg = ndcg;
                bestKnn = c;
                bestKnnModel = m;
            }
        }
        notes.append(String.format(Locale.ROOT, "item-kNN: %s k=%d%s%n", bestKnn.weighting(), bestKnn.neighbours(),
                bestKnn.weighting() == ItemKnnConfig.Weighting.RP3_BETA ? " beta=" + bestKnn.b() : ""));

        log("tuning our ALS on validation");
        AlsConfig bestAls = null;
        double bestAlsNdcg = -1;
        AlsModel bestAlsModel = null;
        for (int f : options.quick ? new int[] {64} : new int[] {32, 64}) {
            for (boolean scaled : new boolean[] {false, true}) {
                double[] regs = scaled ? new double[] {0.1, 0.2, 0.4} : new double[] {3, 10, 30};
                for (double reg : options.quick ? new double[] {regs[1]} : regs) {
                    for (double alpha : options.quick ? new double[] {1} : new double[] {0.5, 1, 2}) {
                        AlsConfig c = AlsConfig.defaults().withFactors(f).withRegularization(reg).withAlpha(alpha)
                                .withScaledRegularization(scaled).withThreads(options.threads).withSeed(options.seed);
                        AlsModel m = new AlsTrainer(c).train(val.train());
                        double ndcg = evaluator.fullRanking(val, alsScorer(m)).ndcg();
                        log("  ALS factors=%d reg=%.2g%s alpha=%.2g: val nDCG@10 %.4f", f, reg,
                                scaled ? "×n" : "", alpha, ndcg);
                        if (ndcg > bestAlsNdcg) {
                            bestAlsNdcg = ndcg;
                            bestAls = c;
                            bestAlsModel = m;
                        }
                    }
                }
            }
        }
        // Fewer sweeps for the chosen setting when validation nDCG@10 stays within ITERATION_TOLERANCE:
        // training time is linear in the sweeps.
        int gridIterations = bestAls.iterations();
        for (int iterations : options.quick ? new int[0] : new int[] {8, 6}) {
            AlsConfig c = bestAls.withIterations(iterations);
            AlsModel m = new AlsTrainer(c).train(val.train());
            double ndcg = evaluator.fullRanking(val, alsScorer(m)).ndcg();
            log("  ALS with %d iterations: val nDCG@10 %.4f (%d iterations: %.4f)", iterations, ndcg,
                    gridIterations, bestAlsNdcg);
            if (ndcg < bestAlsNdcg * (1 - ITERATION_TOLERANCE)) {
                break;
            }
            bestAls = c;
            bestAlsModel = m;
        }
        notes.append(String.format(Locale.ROOT, "our ALS: factors=%d reg=%.2g%s alpha=%.2g (log confidence), %d iterations%n",
                bestAls.factors(), bestAls.regularization(), bestAls.scaleRegularization() ? "×n" : "", bestAls.alpha(),
                bestAls.iterations()));

        log("tuning EASE on validation");
        List<EaseConfig> easeConfigs = new ArrayList<>();
        List<EaseModel> easeModels = new ArrayList<>();
        List<Double> easeNdcgs = new ArrayList<>();
        for (int minUsers : options.quick ? new int[] {5} : new int[] {5, 8, 12}) {
            for (double reg : options.quick ? new double[] {100} : new double[] {50, 100, 200, 400}) {
                EaseConfig c = EaseConfig.defaults().withMinUsers(minUsers).withRegularization(reg)
                        .withThreads(options.threads);
                long t0 = System.nanoTime();
                EaseModel m = new EaseTrainer(c).train(val.train());
                double secs = secondsSince(t0);
                double ndcg = evaluator.fullRanking(val, easeScorer(m, val.train())).ndcg();
                log("  EASE min users=%d (%d items) lambda=%.0f: val nDCG@10 %.4f (%.2f s)", minUsers,
                        m.items().size(), reg, ndcg, secs);
                easeConfigs.add(c);
                easeModels.add(m);
                easeNdcgs.add(ndcg);
            }
        }
        // EASE's training cost grows with the cube of its item count, so among the settings within
        // EASE_TOLERANCE of the best validation nDCG@10 the smallest model is taken.
        double easeTop = easeNdcgs.stream().mapToDouble(Double::doubleValue).max().orElseThrow();
        int pick = -1;
        for (int i = 0; i < easeConfigs.size(); i++) {
            if (easeNdcgs.get(i) >= easeTop * (1 - EASE_TOLERANCE) && (pick < 0
                    || easeModels.get(i).items().size() < easeModels.get(pick).items().size()
                    || easeModels.get(i).items().size() == easeModels.get(pick).items().size()
                    && easeNdcgs.get(i) > easeNdcgs.get(pick))) {
                pick = i;
            }
        }
        EaseConfig bestEase = easeConfigs.get(pick);
        EaseModel bestEaseModel = easeModels.get(pick);
        log("  EASE chosen: min users=%d lambda=%.0f (val nDCG@10 %.4f, best %.4f)", bestEase.minUsers(),
                bestEase.regularization(), easeNdcgs.get(pick), easeTop);
        notes.append(String.format(Locale.ROOT, "EASE: min users=%d lambda=%.0f%n", bestEase.minUsers(),
                bestEase.regularization()));

        AlsBackend.Params bestSpark = null;
        try (AlsBackend spark = sparkBackend()) {
            if (spark != null) {
                log("tuning %s on validation", spark.name());
                double bestSparkNdcg = -1;
                for (int rank : options.quick ? new int[] {32} : new int[] {32, 64}) {
                    for (double reg : options.quick ? new double[] {0.1} : new double[] {0.05, 0.1, 0.3}) {
                        for (double alpha : options.quick ? new double[] {1} : new double[] {0.5, 1, 2}) {
                            AlsBackend.Params p = new AlsBackend.Params(rank, reg, alpha, 10);
                            long t0 = System.nanoTime();
                            AlsModel m = spark.train(val.train(), p);
                            double secs = (System.nanoTime() - t0) / 1e9;
                            double ndcg = evaluator.fullRanking(val, alsScorer(m)).ndcg();
                            log("  Spark ALS rank=%d regParam=%.2g alpha=%.2g: val nDCG@10 %.4f (%.1f s)", rank, reg,
                                    alpha, ndcg, secs);
                            if (ndcg > bestSparkNdcg) {
                                bestSparkNdcg = ndcg;
                                bestSpark = p;
                            }
                        }
                    }
                }
                notes.append(String.format(Locale.ROOT, "Spark ALS: rank=%d regParam=%.2g alpha=%.2g maxIter=%d%n",
                        bestSpark.rank(), bestSpark.regParam(), bestSpark.alpha(), bestSpark.iterations()));
            }
        }

        log("tuning hybrid blend weights on validation");
        HybridRecommender hybrid = HybridRecommender.builder().history(val.train()).als(bestAlsModel)
                .itemKnn(bestKnnModel).ease(bestEaseModel).content(tags).build();
        HybridWeights bestWeights = tuneWeights(val, hybrid);
        notes.append("hybrid weights: ").append(bestWeights).append('\n');
        log("tuned: %n%s", notes);
        return new Tuned(bestKnn, bestAls, bestEase, bestSpark, bestWeights, notes.toString());
    }

    private HybridWeights tuneWeights(HoldoutSplit val, HybridRecommender hybrid) throws Exception {
        int users = val.train().userCount();
        ComponentScores[] cache = new ComponentScores[users];
        parallel(users, u -> {
            if (val.heldOut().rowLength(u) > 0) {
                cache[u] = hybrid.componentScores(query(val.train(), u));
            }
        });
        List<HybridWeights> grid = new ArrayList<>();
        for (double als : new double[] {0, 1}) {
            for (double ease : new double[] {0, 0.5, 1, 2}) {
                for (double knn : new double[] {0, 0.5, 1}) {
                    for (double content : new double[] {0, 0.3, 0.6}) {
                        for (double pop : new double[] {0, 0.1}) {
                            if (als > 0 || ease > 0) {
                                grid.add(new HybridWeights(als, knn, content, pop, 1, ease));
                            }
                        }
                    }
                }
            }
        }
        if (options.quick) {
            grid = grid.subList(0, 12);
        }
        HybridWeights best = null;
        double bestNdcg = -1;
        int n = 0;
        for (HybridWeights w : grid) {
            double ndcg = evaluator.fullRanking(val, u -> cache[u].blend(w)).ndcg();
            progress.progress("blend weights", ++n, grid.size());
            if (ndcg > bestNdcg) {
                bestNdcg = ndcg;
                best = w;
            }
        }
        log("  best grid blend %s: val nDCG@10 %.4f", best, bestNdcg);
        // Coordinate ascent from the best grid point: multiply one weight at a time by a factor (or
        // switch a zero weight on at a fraction of the largest), keep what improves validation
        // nDCG, shrink the step when nothing does.
        double step = 2;
        while (step > 1.1 && !options.quick) {
            boolean improved = false;
            for (int dim = 0; dim < 5; dim++) {
                for (double f : new double[] {step, 1 / step, 0}) {
                    HybridWeights w = scaled(best, dim, f);
                    if (w.equals(best)) {
                        continue;
                    }
                    double ndcg = evaluator.fullRanking(val, u -> cache[u].blend(w)).ndcg();
                    if (ndcg > bestNdcg + 1e-5) {
                        bestNdcg = ndcg;
                        best = w;
                        improved = true;
                    }
                }
            }
            if (!improved) {
                step = Math.sqrt(step);
            }
        }
        log("  best blend %s: val nDCG@10 %.4f", best, bestNdcg);
        return best;
    }

    /**
     * Weights with component {@code dim} (als, ease, item-kNN, content, popularity) multiplied by f;
     * a zero weight becomes f/8 of the largest weight instead (so 0 stays 0 for f = 0).
     */
    private static HybridWeights scaled(HybridWeights w, int dim, double f) {
        double[] v = {w.als(), w.ease(), w.itemKnn(), w.content(), w.popularity()};
        double largest = Math.max(Math.max(v[0], v[1]), Math.max(v[2], v[3]));
        v[dim] = v[dim] == 0 ? largest * f / 8 : v[dim] * f;
        return new HybridWeights(v[0], v[2], v[3], v[4], w.dislikePenalty(), v[1]);
    }

    // ---------------------------------------------------------------- final run on test

    private record Row(String name, RankingMetrics metrics, double trainSeconds) {
    }

    private List<Row> finalRun(HoldoutSplit test, ContentModel tags, Tuned tuned) throws Exception {
        Interactions train = test.train();
        List<Row> rows = new ArrayList<>();
        log("final: training on the full training part, evaluating on test");

        long t0 = System.nanoTime();
        float[] pop = popularity(train);
        rows.add(new Row("popularity", evaluator.fullRanking(test, u -> pop.clone()), secondsSince(t0)));
        log("  popularity done");

        // Each final model is trained in several interleaved rounds (ours and Spark alike) and its
        // median time reported: on a shared 2-core machine a single fit can be slowed several-fold by
        // other work, and interleaving gives every model the same share of those disturbances.
        int rounds = options.timingRounds;
        double[][] times = new double[4][rounds];
        ItemKnnModel knn = null;
        AlsModel als = null;
        EaseModel ease = null;
        AlsModel sparkModel = null;
        try (AlsBackend spark = tuned.spark == null ? null : sparkBackend()) {
            for (int r = 0; r < rounds; r++) {
                long t = System.nanoTime();
                knn = new ItemKnnTrainer(tuned.knn).train(train);
                times[0][r] = secondsSince(t);
                t = System.nanoTime();
                als = new AlsTrainer(tuned.als).train(train);
                times[1][r] = secondsSince(t);
                t = System.nanoTime();
                ease = new EaseTrainer(tuned.ease).train(train);
                times[2][r] = secondsSince(t);
                if (spark != null) {
                    t = System.nanoTime();
                    sparkModel = spark.train(train, tuned.spark);
                    times[3][r] = secondsSince(t);
                }
                log("  training round %d/%d: item-kNN %.2f s, our ALS %.2f s, EASE %.2f s%s", r + 1, rounds,
                        times[0][r], times[1][r], times[2][r],
                        spark == null ? "" : String.format(Locale.ROOT, ", Spark ALS %.2f s", times[3][r]));
            }
        }
        double knnSecs = median(times[0]);
        double alsSecs = median(times[1]);
        double easeSecs = median(times[2]);
        double sparkSecs = median(times[3]);
        rows.add(new Row("item-kNN", evaluator.fullRanking(test, knnScorer(knn, train)), knnSecs));
        log("  item-kNN done (%.2f s)", knnSecs);

        HybridRecommender contentOnly = HybridRecommender.builder().history(train).content(tags)
                .weights(new HybridWeights(0, 0, 1, 0, 1)).build();
        rows.add(new Row("content (tags)", evaluator.fullRanking(test, u -> contentOnly.scores(query(train, u))), 0));

        rows.add(new Row("ALS (ours, CG)", evaluator.fullRanking(test, alsScorer(als)), alsSecs));
        log("  our ALS done (%.2f s)", alsSecs);

        rows.add(new Row("EASE", evaluator.fullRanking(test, easeScorer(ease, train)), easeSecs));
        log("  EASE done (%.2f s, %d items)", easeSecs, ease.items().size());

        if (sparkModel != null) {
            rows.add(new Row("Spark MLlib ALS", evaluator.fullRanking(test, alsScorer(sparkModel)), sparkSecs));
            log("  Spark ALS done (%.2f s)", sparkSecs);
        }

        // The hybrid holds (and its training time counts) only the models its tuned weights use.
        HybridWeights w = tuned.hybrid;
        HybridRecommender.Builder hb = HybridRecommender.builder().history(train).weights(w);
        double hybridSecs = 0;
        if (w.als() > 0) {
            hb.als(als);
            hybridSecs += alsSecs;
        }
        if (w.itemKnn() > 0) {
            hb.itemKnn(knn);
            hybridSecs += knnSecs;
        }
        if (w.ease() > 0) {
            hb.ease(ease);
            hybridSecs += easeSecs;
        }
        if (w.content() > 0) {
            hb.content(tags);
        }
        HybridRecommender hybrid = hb.build();
        double secs = hybridSecs;
        log("  hybrid holds: %s%s%s%s; its training time %.2f s", w.als() > 0 ? "ALS " : "",
                w.ease() > 0 ? "EASE " : "", w.itemKnn() > 0 ? "item-kNN " : "", w.content() > 0 ? "content" : "", secs);
        rows.add(new Row("hybrid (ours)", evaluator.fullRanking(test, u -> hybrid.scores(query(train, u))), secs));
        for (double lambda : new double[] {0.1, 0.3}) {
            rows.add(new Row(String.format(Locale.ROOT, "hybrid + MMR %.1f", lambda),
                    evaluator.fullRanking(test, u -> mmrScores(hybrid, train, u, lambda)), secs));
        }
        return rows;
    }

    /** Encodes an MMR top-10 list as scores so the evaluator's top-k returns it in order. */
    private static float[] mmrScores(HybridRecommender hybrid, Interactions train, int u, double lambda) {
        List<Recommendation> recs = hybrid.recommend(RecommendationQuery.forUser(train.users().idOf(u))
                .count(K).diversity(lambda).build());
        float[] s = new float[train.itemCount()];
        java.util.Arrays.fill(s, Float.NEGATIVE_INFINITY);
        for (int r = 0; r < recs.size(); r++) {
            s[hybrid.catalogue().indexOf(recs.get(r).itemId())] = K - r;
        }
        return s;
    }

    private void printFullTable(List<Row> rows, HoldoutSplit test) {
        System.out.printf(Locale.ROOT, "%nFull ranking over all %d artists, %d test users, seed %d (hyperparameters tuned on validation)%n",
                test.train().itemCount(), test.evaluatedUsers(), options.seed);
        System.out.println("| algorithm | Precision@10 | Recall@10 | nDCG@10 | MAP@10 | HR@10 | coverage | train s |");
        System.out.println("|---|---|---|---|---|---|---|---|");
        for (Row r : rows) {
            RankingMetrics m = r.metrics;
            System.out.printf(Locale.ROOT, "| %s | %.4f | %.4f | %.4f | %.4f | %.4f | %.4f | %.2f |%n", r.name,
                    m.precision(), m.recall(), m.ndcg(), m.map(), m.hitRate(), m.coverage(), r.trainSeconds);
        }
        Row spark = rows.stream().filter(r -> r.name.startsWith("Spark")).findFirst().orElse(null);
        Row best = rows.stream().filter(r -> !r.name.startsWith("Spark"))
                .max((a, b) -> Double.compare(a.metrics.ndcg(), b.metrics.ndcg())).orElseThrow();
        if (spark != null) {
            System.out.printf(Locale.ROOT, "best of ours: %s; nDCG@10 ratio to Spark ALS = %.3f (target >= 1.15); "
                            + "training-time ratio Spark / ours = %.1fx (target >= 5x)%n", best.name,
                    best.metrics.ndcg() / spark.metrics.ndcg(), spark.trainSeconds / best.trainSeconds);
        } else {
            System.out.println("Spark ALS baseline not run: run the evaluation from recommender/spark-trainer "
                    + "(see recommender/README.md) to include it.");
        }
    }

    // ---------------------------------------------------------------- DaisyRec 2.0 protocol

    private void daisyProtocol(Interactions all, ContentModel tags, Tuned tuned) throws Exception {
        log("DaisyRec 2.0 protocol: binarised plays, 80/20 per user, 1000 candidates per user");
        SparseRows binary = all.positives().withConstantValues(1f);
        Interactions bin = new Interactions(all.users(), all.items(), binary, all.dislikes());
        HoldoutSplit split = HoldoutSplit.of(bin, 0.2, options.seed);
        Interactions train = split.train();
        long candSeed = options.seed + 7;
        List<Row> rows = new ArrayList<>();
        float[] pop = popularity(train);
        rows.add(new Row("popularity", evaluator.sampledRanking(split, u -> pop.clone(), 1000, candSeed), 0));
        long t0 = System.nanoTime();
        ItemKnnModel knn = new ItemKnnTrainer(tuned.knn).train(train);
        double knnSecs = secondsSince(t0);
        rows.add(new Row("item-kNN", evaluator.sampledRanking(split, knnScorer(knn, train), 1000, candSeed), knnSecs));
        t0 = System.nanoTime();
        AlsModel als = new AlsTrainer(tuned.als).train(train);
        double alsSecs = secondsSince(t0);
        rows.add(new Row("ALS (ours, CG)", evaluator.sampledRanking(split, alsScorer(als), 1000, candSeed), alsSecs));
        EaseModel ease = new EaseTrainer(tuned.ease).train(train);
        HybridRecommender hybrid = HybridRecommender.builder().history(train).als(als).itemKnn(knn).ease(ease)
                .content(tags).weights(tuned.hybrid).build();
        rows.add(new Row("hybrid (ours)", evaluator.sampledRanking(split, u -> hybrid.scores(query(train, u)), 1000,
                candSeed), alsSecs + knnSecs));
        log("  DaisyRec protocol done");

        System.out.printf(Locale.ROOT, "%nDaisyRec 2.0 protocol (binarised, 80/20 per user, held-out + sampled = 1000 "
                + "candidates, seed %d), DaisyRec metric definitions%n", options.seed);
        System.out.println("| algorithm | Precision@10 | Recall@10 | HR@10 | MAP@10 (Daisy) | nDCG@10 (Daisy) | nDCG@10 (standard) | MAP@10 (standard) |");
        System.out.println("|---|---|---|---|---|---|---|---|");
        System.out.println("| DaisyRec ItemKNN (published) | 0.4219 | 0.4332 | 0.9580 | 0.3324 | 0.8026 | – | – |");
        for (Row r : rows) {
            RankingMetrics m = r.metrics;
            System.out.printf(Locale.ROOT, "| %s | %.4f | %.4f | %.4f | %.4f | %.4f | %.4f | %.4f |%n", r.name,
                    m.precision(), m.recall(), m.hitRate(), m.daisyMap(), m.daisyNdcg(), m.ndcg(), m.map());
        }
    }

    // ---------------------------------------------------------------- helpers

    private static RecommendationQuery query(Interactions train, int u) {
        return RecommendationQuery.forUser(train.users().idOf(u)).includeKnown(true).build();
    }

    private static Scorer alsScorer(AlsModel m) {
        return u -> {
            float[] s = new float[m.items().size()];
            m.scoreUser(u, s);
            return s;
        };
    }

    private static Scorer easeScorer(EaseModel m, Interactions train) {
        int[] toModel = new int[train.itemCount()];
        for (int i = 0; i < toModel.length; i++) {
            toModel[i] = m.items().indexOf(train.items().idOf(i));
        }
        return u -> {
            SparseRows pos = train.positives();
            int[] played = new int[pos.rowLength(u)];
            float[] plays = new float[played.length];
            int n = 0;
            for (int j = pos.rowStart()[u]; j < pos.rowStart()[u + 1]; j++) {
                if (toModel[pos.cols()[j]] >= 0) {
                    played[n] = toModel[pos.cols()[j]];
                    plays[n++] = pos.vals()[j];
                }
            }
            float[] local = new float[m.items().size()];
            m.score(java.util.Arrays.copyOf(played, n), java.util.Arrays.copyOf(plays, n), new int[0], 1f, local);
            // Items EASE does not cover rank below every covered one.
            float[] s = new float[toModel.length];
            for (int i = 0; i < s.length; i++) {
                s[i] = toModel[i] >= 0 ? local[toModel[i]] : -Float.MAX_VALUE;
            }
            return s;
        };
    }

    private static Scorer knnScorer(ItemKnnModel m, Interactions train) {
        return u -> {
            float[] s = new float[train.itemCount()];
            m.score(train.positives().rowColumns(u), train.dislikes().rowColumns(u), 1f, s);
            return s;
        };
    }

    private static float[] popularity(Interactions train) {
        SparseRows byItem = train.positivesByItem();
        float[] pop = new float[train.itemCount()];
        for (int i = 0; i < pop.length; i++) {
            pop[i] = byItem.rowLength(i);
        }
        return pop;
    }

    private AlsBackend sparkBackend() {
        if (options.noSpark) {
            return null;
        }
        for (AlsBackend b : ServiceLoader.load(AlsBackend.class)) {
            return b;
        }
        log("no Spark ALS backend on the classpath (it lives in recommender/spark-trainer); skipping that baseline");
        return null;
    }

    private interface UserTask {
        void run(int user) throws Exception;
    }

    private void parallel(int users, UserTask task) throws Exception {
        AtomicInteger next = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(options.threads);
        try {
            List<Future<?>> fs = new ArrayList<>();
            for (int t = 0; t < options.threads; t++) {
                fs.add(pool.submit((Callable<Void>) () -> {
                    int u;
                    while ((u = next.getAndIncrement()) < users) {
                        task.run(u);
                    }
                    return null;
                }));
            }
            for (Future<?> f : fs) {
                f.get();
            }
        } finally {
            pool.shutdownNow();
        }
    }

    private static double median(double[] v) {
        double[] s = v.clone();
        java.util.Arrays.sort(s);
        return s.length % 2 == 1 ? s[s.length / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
    }

    private static double secondsSince(long t0) {
        return (System.nanoTime() - t0) / 1e9;
    }

    private void log(String format, Object... args) {
        if (!options.quiet) {
            System.err.printf(Locale.ROOT, "[eval] " + format + "%n", args);
        }
    }

    /** Command-line options. */
    static final class Options {
        static final String USAGE = """
                usage: EvaluationCli [--data DIR] [--seed N] [--threads N] [--timing-rounds N] [--no-spark] [--no-daisy] [--quick] [--quiet]
                  --data DIR    the hetrec2011-lastfm-2k directory (default: shared/data/hetrec2011-lastfm-2k
                                found next to the repository)
                  --seed N      seed of the hold-out split, candidate sampling and ALS init (default 42)
                  --threads N   worker threads (default: available processors)
                  --timing-rounds N  train each final model N times, interleaved, and report the median
                                time (default 3)
                  --no-spark    skip the Spark MLlib ALS baseline even when it is on the classpath
                  --no-daisy    skip the DaisyRec 2.0 sampled-candidates protocol
                  --quick       one point per grid instead of the full tuning grids (a smoke run)
                  --quiet       no progress on stderr""";

        Path data = defaultDataDir();
        long seed = 42;
        int threads = Runtime.getRuntime().availableProcessors();
        int timingRounds = 3;
        boolean noSpark;
        boolean skipDaisy;
        boolean quick;
        boolean quiet;
        boolean help;

        static Options parse(String[] args) {
            Options o = new Options();
            for (int i = 0; i < args.length; i++) {
                String a = args[i];
                switch (a) {
                    case "--data" -> o.data = Path.of(value(args, ++i, a));
                    case "--seed" -> o.seed = number(value(args, ++i, a), a);
                    case "--threads" -> {
                        o.threads = (int) number(value(args, ++i, a), a);
                        if (o.threads < 1) {
                            throw new IllegalArgumentException("--threads must be at least 1");
                        }
                    }
                    case "--timing-rounds" -> {
                        o.timingRounds = (int) number(value(args, ++i, a), a);
                        if (o.timingRounds < 1) {
                            throw new IllegalArgumentException("--timing-rounds must be at least 1");
                        }
                    }
                    case "--no-spark" -> o.noSpark = true;
                    case "--no-daisy" -> o.skipDaisy = true;
                    case "--quick" -> o.quick = true;
                    case "--quiet" -> o.quiet = true;
                    case "--help", "-h" -> o.help = true;
                    default -> throw new IllegalArgumentException("unknown option '" + a + "'");
                }
            }
            return o;
        }

        private static String value(String[] args, int i, String option) {
            if (i >= args.length) {
                throw new IllegalArgumentException(option + " needs a value");
            }
            return args[i];
        }

        private static long number(String s, String option) {
            try {
                return Long.parseLong(s);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(option + " needs a whole number, got '" + s + "'");
            }
        }

        /** Looks for shared/data/hetrec2011-lastfm-2k beside the repository, from the working directory up. */
        static Path defaultDataDir() {
            Path dir = Path.of("").toAbsolutePath();
            while (dir != null) {
                Path candidate = dir.resolve("shared/data/hetrec2011-lastfm-2k");
                if (Files.isDirectory(candidate)) {
                    return candidate;
                }
                Path sibling = dir.resolveSibling("shared/data/hetrec2011-lastfm-2k");
                if (dir.getParent() != null && Files.isDirectory(sibling)) {
                    return sibling;
                }
                dir = dir.getParent();
            }
            return Path.of("../shared/data/hetrec2011-lastfm-2k");
        }
    }
}
