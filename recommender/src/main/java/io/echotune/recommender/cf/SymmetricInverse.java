package io.echotune.recommender.cf;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;

/**
 * Inverts a dense symmetric positive-definite float matrix (n up to a few thousand), for EASE.
 *
 * <p>Why hand-rolled and shaped like this: we take no linear-algebra dependency, and a textbook
 * Gauss-Jordan sweep streams the whole matrix through memory once per pivot (n passes over
 * n² floats), which is memory-bound at n ≈ 1,000–2,000. The recursive 2 × 2 block inverse
 * (Schur complement) instead spends all but O(n²) of its work in four matrix products, and those
 * are tiled so a tile of the right-hand factor stays in L2 while the inner loop, an axpy over
 * four rows at once, is vectorised by C2. Products are split over rows between the threads.
 */
final class SymmetricInverse {

    /** Below this size the blocks are inverted directly (in double), where recursion stops paying. */
    private static final int LEAF = 96;
    private static final int TILE_K = 128;
    private static final int TILE_J = 512;

    private final ExecutorService pool;
    private final int threads;

    SymmetricInverse(ExecutorService pool, int threads) {
        this.pool = pool;
        this.threads = threads;
    }

    /** The inverse of the n × n row-major SPD matrix {@code a} (a is not modified). */
    float[] invert(float[] a, int n) {
        if (n <= LEAF) {
            return invertLeaf(a, n);
        }
        int h = (n / 2 + 7) & ~7;
        int m = n - h;
        float[] a11 = block(a, n, 0, 0, h, h);
        float[] a12 = block(a, n, 0, h, h, m);
        float[] a22 = block(a, n, h, h, m, m);
        float[] p = invert(a11, h);
        float[] t = new float[h * m];
        multiply(p, a12, t, h, h, m, 1f);                       // T = P A12
        multiply(transpose(a12, h, m), t, a22, m, h, m, -1f);   // S = A22 - A12ᵀ T  (in a22)
        float[] q = invert(a22, m);
        float[] b12 = new float[h * m];
        multiply(t, q, b12, h, m, m, -1f);                      // B12 = -T Q
        multiply(b12, transpose(t, h, m), p, h, m, h, -1f);     // B11 = P - B12 Tᵀ  (in p)
        float[] out = new float[n * n];
        for (int r = 0; r < h; r++) {
            System.arraycopy(p, r * h, out, r * n, h);
            System.arraycopy(b12, r * m, out, r * n + h, m);
        }
        for (int r = 0; r < m; r++) {
            System.arraycopy(q, r * m, out, (h + r) * n + h, m);
            for (int c = 0; c < h; c++) {
                out[(h + r) * n + c] = b12[c * m + r];
            }
        }
        return out;
    }

    /** Gauss-Jordan without pivoting (safe for SPD matrices), in double for the small blocks. */
    static float[] invertLeaf(float[] a, int n) {
        double[] m = new double[n * n];
        for (int i = 0; i < m.length; i++) {
            m[i] = a[i];
        }
        for (int k = 0; k < n; k++) {
            double pivot = m[k * n + k];
            if (!(pivot > 0)) {
                throw new ArithmeticException("matrix is not positive definite (pivot " + pivot + " at " + k + ")");
            }
            double inv = 1 / pivot;
            int kOff = k * n;
            for (int j = 0; j < n; j++) {
                m[kOff + j] *= inv;
            }
            m[kOff + k] = inv;
            for (int i = 0; i < n; i++) {
                if (i == k) {
                    continue;
                }
                int iOff = i * n;
                double f = m[iOff + k];
                if (f == 0) {
                    continue;
                }
                m[iOff + k] = 0;
                for (int j = 0; j < n; j++) {
                    m[iOff + j] -= f * m[kOff + j];
                }
            }
        }
        float[] out = new float[n * n];
        for (int i = 0; i < out.length; i++) {
            out[i] = (float) m[i];
        }
        return out;
    }

    /** c (r × t) += sign · a (r × s) · b (s × t), all row-major and dense. */
    void multiply(float[] a, float[] b, float[] c, int r, int s, int t, float sign) {
        int chunks = Math.min(threads, Math.max(1, r / 16));
        if (chunks == 1) {
            multiplyRows(a, b, c, 0, r, s, t, sign);
            return;
        }
        List<Future<?>> parts = new ArrayList<>();
        for (int p = 0; p < chunks; p++) {
            int from = (int) ((long) r * p / chunks);
            int to = (int) ((long) r * (p + 1) / chunks);
            parts.add(pool.submit(() -> multiplyRows(a, b, c, from, to, s, t, sign)));
        }
        Workers.join(parts, "matrix inversion interrupted", "matrix product failed");
    }

    private static void multiplyRows(float[] a, float[] b, float[] c, int rowFrom, int rowTo, int s, int t,
                                     float sign) {
        for (int j0 = 0; j0 < t; j0 += TILE_J) {
            int j1 = Math.min(t, j0 + TILE_J);
            for (int k0 = 0; k0 < s; k0 += TILE_K) {
                int k1 = Math.min(s, k0 + TILE_K);
                for (int i = rowFrom; i < rowTo; i++) {
                    int aOff = i * s;
                    int cOff = i * t;
                    int k = k0;
                    for (; k + 3 < k1; k += 4) {
                        float x0 = sign * a[aOff + k];
                        float x1 = sign * a[aOff + k + 1];
                        float x2 = sign * a[aOff + k + 2];
                        float x3 = sign * a[aOff + k + 3];
                        int b0 = k * t;
                        int b1 = b0 + t;
                        int b2 = b1 + t;
                        int b3 = b2 + t;
                        for (int j = j0; j < j1; j++) {
                            c[cOff + j] += x0 * b[b0 + j] + x1 * b[b1 + j] + x2 * b[b2 + j] + x3 * b[b3 + j];
                        }
                    }
                    for (; k < k1; k++) {
                        float x = sign * a[aOff + k];
                        int bOff = k * t;
                        for (int j = j0; j < j1; j++) {
                            c[cOff + j] += x * b[bOff + j];
                        }
                    }
                }
            }
        }
    }

    private static float[] block(float[] a, int n, int row, int col, int rows, int cols) {
        float[] out = new float[rows * cols];
        for (int r = 0; r < rows; r++) {
            System.arraycopy(a, (row + r) * n + col, out, r * cols, cols);
        }
        return out;
    }

    private static float[] transpose(float[] a, int rows, int cols) {
        float[] out = new float[rows * cols];
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < cols; c++) {
                out[c * rows + r] = a[r * cols + c];
            }
        }
        return out;
    }
}
