package io.echotune.recommender.cf;

import io.echotune.recommender.data.Interactions;
import io.echotune.recommender.data.ProgressListener;
import io.echotune.recommender.data.SparseRows;
import io.echotune.recommender.data.Vectors;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Trains {@link AlsModel}s: implicit-feedback ALS with confidence weighting, each factor vector
 * updated by a few warm-started conjugate-gradient steps instead of an exact solve; rows with
 * at most four observations (most artists) are solved exactly by {@link ShortRowSolver}.
 *
 * <p>Why CG on plain float arrays: a CG step costs O(nnz·k + k²) per row instead of the
 * O(k³) of Cholesky, and warm starts make three steps per sweep as good as an exact solve
 * (Takács et al. 2011). No linear-algebra library beats that on rows this short.
 *
 * <p>Dislikes enter as observations with preference 0 and confidence 1 + alpha, so the model
 * is pushed to predict a low score there rather than merely "unknown".
 */
public final class AlsTrainer {

    private final AlsConfig config;
    private final ProgressListener progress;

    public AlsTrainer(AlsConfig config) {
        this(config, ProgressListener.NONE);
    }

    public AlsTrainer(AlsConfig config, ProgressListener progress) {
        this.config = config;
        this.progress = progress;
    }

    public AlsModel train(Interactions data) {
        int k = config.factors();
        int users = data.userCount();
        int itemCount = data.itemCount();
        Observations byUser = Observations.of(data.positives(), data.dislikes(), config);
        Observations byItem = Observations.of(data.positives().transpose(itemCount),
                data.dislikes().transpose(itemCount), config);

        SplittableRandom random = new SplittableRandom(config.seed());
        float[] x = new float[users * k];
        float[] y = new float[itemCount * k];
        double scale = 0.1 / Math.sqrt(k);
        for (int i = 0; i < y.length; i++) {
            y[i] = (float) (random.nextGaussian() * scale);
        }
        for (int i = 0; i < x.length; i++) {
            x[i] = (float) (random.nextGaussian() * scale);
        }

        ExecutorService pool = Executors.newFixedThreadPool(config.threads(), r -> {
            Thread t = new Thread(r, "als-worker");
            t.setDaemon(true);
            return t;
        });
        try {
            for (int it = 0; it < config.iterations(); it++) {
                sweep(pool, byUser, x, y, users, itemCount);
                sweep(pool, byItem, y, x, itemCount, users);
                progress.progress("ALS iteration", it + 1, config.iterations());
            }
        } finally {
            pool.shutdownNow();
        }
        return new AlsModel(data.users(), data.items(), k, x, y, config);
    }

    /** Updates every row of {@code target} given the fixed factors {@code fixed}. */
    private void sweep(ExecutorService pool, Observations obs, float[] target, float[] fixed, int rows,
                       int fixedRows) {
        int k = config.factors();
        double[] g = parallelGram(pool, fixed, fixedRows, k, config.scaleRegularization() ? 0 : config.regularization());
        float[] yty = toFloat(g);
        ShortRowSolver shortRows = ShortRowSolver.prepare(g, fixed, fixedRows, obs.lengths(), config, pool);
        AtomicInteger next = new AtomicInteger();
        int chunk = 32;
        List<Future<?>> tasks = new ArrayList<>();
        for (int t = 0; t < config.threads(); t++) {
            tasks.add(pool.submit(() -> {
                float[] r = new float[k];
                float[] p = new float[k];
                float[] ap = new float[k];
                int start;
                while ((start = next.getAndAdd(chunk)) < rows) {
                    int end = Math.min(rows, start + chunk);
                    for (int row = start; row < end; row++) {
                        int from = obs.rowStart[row];
                        int to = obs.rowStart[row + 1];
                        if (shortRows.handles(to - from)) {
                            shortRows.solve(obs.cols, obs.preference, obs.extraConfidence, from, to, fixed, target,
                                    row * k);
                        } else {
                            conjugateGradient(obs, row, target, fixed, yty, k, r, p, ap);
                        }
                    }
                }
            }));
        }
        Workers.join(tasks, "ALS training interrupted", "ALS worker failed");
    }

    private void conjugateGradient(Observations obs, int row, float[] target, float[] fixed, float[] yty, int k,
                                   float[] r, float[] p, float[] ap) {
        int xOff = row * k;
        // r = b - A x, with A = YᵀY + λI + Σ (c-1) y yᵀ and b = Σ c·pref·y
        int from = obs.rowStart[row];
        int to = obs.rowStart[row + 1];
        // With weighted-λ the gram carries no penalty and each row adds its own.
        float extraPenalty = config.scaleRegularization() ? (float) config.penalty(to - from) : 0f;
        multiply(yty, target, xOff, r, k);
        for (int d = 0; d < k; d++) {
            r[d] = -r[d] - extraPenalty * target[xOff + d];
        }
        for (int j = from; j < to; j++) {
            int yOff = obs.cols[j] * k;
            float cm1 = obs.extraConfidence[j];
            float coef = obs.preference[j] * (1 + cm1) - cm1 * Vectors.dot(fixed, yOff, target, xOff, k);
            for (int d = 0; d < k; d++) {
                r[d] += coef * fixed[yOff + d];
            }
        }
        System.arraycopy(r, 0, p, 0, k);
        float rsOld = Vectors.dot(r, 0, r, 0, k);
        for (int step = 0; step < config.cgSteps() && rsOld > 1e-20f; step++) {
            multiply(yty, p, 0, ap, k);
            if (extraPenalty != 0) {
                for (int d = 0; d < k; d++) {
                    ap[d] += extraPenalty * p[d];
                }
            }
            for (int j = from; j < to; j++) {
                int yOff = obs.cols[j] * k;
                float coef = obs.extraConfidence[j] * Vectors.dot(fixed, yOff, p, 0, k);
                for (int d = 0; d < k; d++) {
                    ap[d] += coef * fixed[yOff + d];
                }
            }
            float pap = Vectors.dot(p, 0, ap, 0, k);
            if (!(pap > 0)) {
                break;
            }
            float a = rsOld / pap;
            for (int d = 0; d < k; d++) {
                target[xOff + d] += a * p[d];
                r[d] -= a * ap[d];
            }
            float rsNew = Vectors.dot(r, 0, r, 0, k);
            float beta = rsNew / rsOld;
            for (int d = 0; d < k; d++) {
                p[d] = r[d] + beta * p[d];
            }
            rsOld = rsNew;
        }
    }

    /**
     * out = M v for the symmetric M, written as a sum of M's columns scaled by v: the inner loop
     * is an axpy without a reduction, which the JIT turns into SIMD code (a dot-product
     * formulation stays scalar because float sums may not be reordered).
     */
    private static void multiply(float[] m, float[] v, int vOff, float[] out, int k) {
        java.util.Arrays.fill(out, 0, k, 0f);
        for (int c = 0; c < k; c++) {
            float vc = v[vOff + c];
            int off = c * k;
            for (int r = 0; r < k; r++) {
                out[r] += m[off + r] * vc;
            }
        }
    }

    /** {@link #gram} with the rows split between the threads (it is a tenth of a sweep otherwise). */
    private double[] parallelGram(ExecutorService pool, float[] factors, int rows, int k, double regularization) {
        int parts = config.threads();
        List<Future<double[]>> partial = new ArrayList<>();
        for (int p = 0; p < parts; p++) {
            int from = (int) ((long) rows * p / parts);
            int to = (int) ((long) rows * (p + 1) / parts);
            partial.add(pool.submit(() -> lowerGram(factors, from, to, k)));
        }
        double[] g = new double[k * k];
        for (double[] part : Workers.join(partial, "ALS training interrupted", "ALS worker failed")) {
            for (int i = 0; i < g.length; i++) {
                g[i] += part[i];
            }
        }
        return completeGram(g, k, regularization);
    }

    /** YᵀY + λI as a full symmetric row-major k × k matrix. */
    static double[] gram(float[] factors, int rows, int k, double regularization) {
        return completeGram(lowerGram(factors, 0, rows, k), k, regularization);
    }

    /** The lower triangle of Σ y yᵀ over rows [from, to). */
    private static double[] lowerGram(float[] factors, int from, int to, int k) {
        double[] g = new double[k * k];
        for (int i = from; i < to; i++) {
            int off = i * k;
            for (int a = 0; a < k; a++) {
                double ya = factors[off + a];
                if (ya == 0) {
                    continue;
                }
                int gOff = a * k;
                for (int b = 0; b <= a; b++) {
                    g[gOff + b] += ya * factors[off + b];
                }
            }
        }
        return g;
    }

    private static double[] completeGram(double[] g, int k, double regularization) {
        for (int a = 0; a < k; a++) {
            g[a * k + a] += regularization;
            for (int b = 0; b < a; b++) {
                g[b * k + a] = g[a * k + b];
            }
        }
        return g;
    }

    private static float[] toFloat(double[] d) {
        float[] f = new float[d.length];
        for (int i = 0; i < d.length; i++) {
            f[i] = (float) d[i];
        }
        return f;
    }

    /** Positives and dislikes of each row merged, with their preference and confidence precomputed. */
    private record Observations(int[] rowStart, int[] cols, float[] preference, float[] extraConfidence) {

        int[] lengths() {
            int[] len = new int[rowStart.length - 1];
            for (int r = 0; r < len.length; r++) {
                len[r] = rowStart[r + 1] - rowStart[r];
            }
            return len;
        }

        static Observations of(SparseRows positives, SparseRows dislikes, AlsConfig config) {
            int rows = positives.rowCount();
            int[] start = new int[rows + 1];
            int n = positives.nonZeros() + dislikes.nonZeros();
            int[] cols = new int[n];
            float[] pref = new float[n];
            float[] conf = new float[n];
            int pos = 0;
            for (int r = 0; r < rows; r++) {
                for (int j = positives.rowStart()[r]; j < positives.rowStart()[r + 1]; j++) {
                    cols[pos] = positives.cols()[j];
                    pref[pos] = 1f;
                    conf[pos++] = config.extraConfidence(positives.vals()[j]);
                }
                for (int j = dislikes.rowStart()[r]; j < dislikes.rowStart()[r + 1]; j++) {
                    cols[pos] = dislikes.cols()[j];
                    pref[pos] = 0f;
                    conf[pos++] = (float) config.alpha() * dislikes.vals()[j];
                }
                start[r + 1] = pos;
            }
            return new Observations(start, cols, pref, conf);
        }
    }
}
