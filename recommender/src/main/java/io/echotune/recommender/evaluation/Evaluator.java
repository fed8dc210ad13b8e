package io.echotune.recommender.evaluation;

import io.echotune.recommender.data.ProgressListener;
import io.echotune.recommender.data.SparseRows;
import io.echotune.recommender.data.TopK;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/** Runs a scorer over every evaluated user of a split and collects {@link RankingMetrics}. */
public final class Evaluator {

    private final int k;
    private final int threads;
    private final ProgressListener progress;

    public Evaluator(int k, int threads, ProgressListener progress) {
        this.k = k;
        this.threads = threads;
        this.progress = progress;
    }

    /** Full ranking: every item the user did not train on is a candidate. */
    public RankingMetrics fullRanking(HoldoutSplit split, Scorer scorer) {
        SparseRows train = split.train().positives();
        return run(split, scorer, (user, scores) -> {
            for (int j = train.rowStart()[user]; j < train.rowStart()[user + 1]; j++) {
                scores[train.cols()[j]] = Float.NEGATIVE_INFINITY;
            }
            return TopK.select(scores, k);
        });
    }

    /**
     * DaisyRec 2.0's protocol: each user's held-out items are ranked among {@code candidates}
     * items = the held-out ones plus uniformly sampled items the user never interacted with.
     */
    public RankingMetrics sampledRanking(HoldoutSplit split, Scorer scorer, int candidates, long seed) {
        SparseRows train = split.train().positives();
        SparseRows test = split.heldOut();
        int items = split.train().itemCount();
        return run(split, scorer, (user, scores) -> {
            BitSet candidate = new BitSet(items);
            BitSet seen = new BitSet(items);
            for (int j = train.rowStart()[user]; j < train.rowStart()[user + 1]; j++) {
                seen.set(train.cols()[j]);
            }
            for (int j = test.rowStart()[user]; j < test.rowStart()[user + 1]; j++) {
                seen.set(test.cols()[j]);
                candidate.set(test.cols()[j]);
            }
            int wanted = Math.min(candidates, items - seen.cardinality() + test.rowLength(user));
            SplittableRandom random = new SplittableRandom(seed * 0x9E3779B97F4A7C15L + user);
            while (candidate.cardinality() < wanted) {
                int i = random.nextInt(items);
                if (!seen.get(i)) {
                    candidate.set(i);
                }
            }
            return TopK.select(scores, k, candidate::get);
        });
    }

    private interface Ranker {
        int[] rank(int user, float[] scores);
    }

    private RankingMetrics run(HoldoutSplit split, Scorer scorer, Ranker ranker) {
        SparseRows test = split.heldOut();
        int users = test.rowCount();
        int items = split.train().itemCount();
        AtomicInteger next = new AtomicInteger();
        AtomicInteger done = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        List<Future<RankingMetrics>> parts = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            parts.add(pool.submit(() -> {
                RankingMetrics m = new RankingMetrics(k, items);
                int u;
                while ((u = next.getAndIncrement()) < users) {
                    if (test.rowLength(u) == 0) {
                        continue;
                    }
                    BitSet relevant = new BitSet(items);
                    for (int j = test.rowStart()[u]; j < test.rowStart()[u + 1]; j++) {
                        relevant.set(test.cols()[j]);
                    }
                    m.add(ranker.rank(u, scorer.scores(u)), relevant);
                    int d = done.incrementAndGet();
                    if (d % 500 == 0) {
                        progress.progress("evaluating users", d, users);
                    }
                }
                return m;
            }));
        }
        RankingMetrics total = new RankingMetrics(k, items);
        try {
            for (Future<RankingMetrics> f : parts) {
                total.merge(f.get());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("evaluation interrupted", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("evaluation failed", e.getCause());
        } finally {
            pool.shutdownNow();
        }
        return total;
    }
}
