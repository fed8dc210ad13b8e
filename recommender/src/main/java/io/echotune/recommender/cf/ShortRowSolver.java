package io.echotune.recommender.cf;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;

/**
 * Exact ALS updates for rows with very few observations (most artists have one to three
 * listeners), by the Woodbury identity instead of conjugate gradient.
 *
 * <p>Why: a CG update pays four k × k products with YᵀY per row whatever its length, and on
 * Last.fm-2K those products over the ~17,000 item rows are most of a sweep. With
 * A = G + U E Uᵀ (G = YᵀY + λI, U the row's m fixed vectors, E their extra confidences) and
 * Z = G⁻¹U, the solution is x = Z (a − w) where a = confidence × preference and
 * (I + E UᵀZ) w = E UᵀZ a: O(m²k) per row once G⁻¹ times every fixed vector is known. That
 * product costs one k × k product per fixed row and is only made for a row length m when at
 * least a quarter as many rows have that length as there are fixed rows, so it always pays.
 */
final class ShortRowSolver {

    static final int MAX_LENGTH = 4;

    /** zByLength[m]: G_m⁻¹ y for every fixed row y (row-major, fixedRows × k), or null. */
    private final float[][] zByLength;
    private final int k;

    private ShortRowSolver(float[][] zByLength, int k) {
        this.zByLength = zByLength;
        this.k = k;
    }

    /**
     * Prepares the solver for one sweep.
     *
     * @param gram          YᵀY (+ λI when the penalty is not per row), row-major k × k
     * @param rowLengths    the number of observations of every row to be updated
     */
    static ShortRowSolver prepare(double[] gram, float[] fixed, int fixedRows, int[] rowLengths, AlsConfig config,
                                  ExecutorService pool) {
        int k = config.factors();
        int[] count = new int[MAX_LENGTH + 1];
        for (int len : rowLengths) {
            if (len <= MAX_LENGTH) {
                count[len]++;
            }
        }
        float[][] z = new float[MAX_LENGTH + 1][];
        List<Future<?>> work = new ArrayList<>();
        for (int m = 1; m <= MAX_LENGTH; m++) {
            if (count[m] * 4L < fixedRows) {
                continue;
            }
            float[] g = new float[k * k];
            double extra = config.scaleRegularization() ? config.penalty(m) : 0;
            for (int i = 0; i < g.length; i++) {
                g[i] = (float) gram[i];
            }
            for (int d = 0; d < k; d++) {
                g[d * k + d] += (float) extra;
            }
            float[] inv = SymmetricInverse.invertLeaf(g, k);
            float[] zm = new float[fixedRows * k];
            z[m] = zm;
            int parts = config.threads();
            for (int p = 0; p < parts; p++) {
                int from = (int) ((long) fixedRows * p / parts);
                int to = (int) ((long) fixedRows * (p + 1) / parts);
                work.add(pool.submit(() -> {
                    for (int f = from; f < to; f++) {
                        // inv is symmetric, so column-wise accumulation (an axpy the JIT vectorises) is inv · y.
                        int off = f * k;
                        for (int c = 0; c < k; c++) {
                            float yc = fixed[off + c];
                            int col = c * k;
                            for (int r = 0; r < k; r++) {
                                zm[off + r] += inv[col + r] * yc;
                            }
                        }
                    }
                }));
            }
        }
        Workers.join(work, "ALS training interrupted", "ALS worker failed");
        return new ShortRowSolver(z, k);
    }

    /** Whether rows of this length are solved here (length 0 always: its minimiser is 0). */
    boolean handles(int length) {
        return length == 0 || (length <= MAX_LENGTH && zByLength[length] != null);
    }

    /**
     * Writes the exact minimiser of the row into target[xOff .. xOff+k).
     *
     * @param cols       the row's fixed-row indices
     * @param preference their preference (1 played, 0 disliked)
     * @param extra      their confidence minus one
     */
    void solve(int[] cols, float[] preference, float[] extra, int from, int to, float[] fixed, float[] target,
               int xOff) {
        int m = to - from;
        if (m == 0) {
            java.util.Arrays.fill(target, xOff, xOff + k, 0f);
            return;
        }
        float[] z = zByLength[m];
        double[] s = new double[m * m];
        for (int i = 0; i < m; i++) {
            int yOff = cols[from + i] * k;
            for (int j = 0; j < m; j++) {
                int zOff = cols[from + j] * k;
                double dot = 0;
                for (int d = 0; d < k; d++) {
                    dot += fixed[yOff + d] * z[zOff + d];
                }
                s[i * m + j] = dot;
            }
        }
        double[] a = new double[m];
        for (int j = 0; j < m; j++) {
            a[j] = (1 + extra[from + j]) * preference[from + j];
        }
        // (I + E S) w = E S a
        double[] lhs = new double[m * m];
        double[] w = new double[m];
        for (int i = 0; i < m; i++) {
            double e = extra[from + i];
            double sa = 0;
            for (int j = 0; j < m; j++) {
                sa += s[i * m + j] * a[j];
                lhs[i * m + j] = e * s[i * m + j] + (i == j ? 1 : 0);
            }
            w[i] = e * sa;
        }
        solveInPlace(lhs, w, m);
        java.util.Arrays.fill(target, xOff, xOff + k, 0f);
        for (int j = 0; j < m; j++) {
            float coef = (float) (a[j] - w[j]);
            int zOff = cols[from + j] * k;
            for (int d = 0; d < k; d++) {
                target[xOff + d] += coef * z[zOff + d];
            }
        }
    }

    /** Gaussian elimination with partial pivoting of a tiny m × m system; the answer replaces b. */
    private static void solveInPlace(double[] a, double[] b, int m) {
        for (int c = 0; c < m; c++) {
            int pivot = c;
            for (int r = c + 1; r < m; r++) {
                if (Math.abs(a[r * m + c]) > Math.abs(a[pivot * m + c])) {
                    pivot = r;
                }
            }
            if (pivot != c) {
                for (int j = 0; j < m; j++) {
                    double t = a[c * m + j];
                    a[c * m + j] = a[pivot * m + j];
                    a[pivot * m + j] = t;
                }
                double t = b[c];
                b[c] = b[pivot];
                b[pivot] = t;
            }
            for (int r = c + 1; r < m; r++) {
                double f = a[r * m + c] / a[c * m + c];
                for (int j = c; j < m; j++) {
                    a[r * m + j] -= f * a[c * m + j];
                }
                b[r] -= f * b[c];
            }
        }
        for (int r = m - 1; r >= 0; r--) {
            double s = b[r];
            for (int j = r + 1; j < m; j++) {
                s -= a[r * m + j] * b[j];
            }
            b[r] = s / a[r * m + r];
        }
    }
}
