package io.echotune.recommender.cf;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.SplittableRandom;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SymmetricInverseTest {

    /** A random SPD matrix: RᵀR over more rows than columns, plus a small ridge. */
    private static float[] randomSpd(int n, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        int rows = n + 20;
        double[] r = new double[rows * n];
        for (int i = 0; i < r.length; i++) {
            r[i] = random.nextDouble() < 0.3 ? random.nextGaussian() : 0;
        }
        float[] a = new float[n * n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                double s = 0;
                for (int q = 0; q < rows; q++) {
                    s += r[q * n + i] * r[q * n + j];
                }
                a[i * n + j] = (float) (s + (i == j ? 1 : 0));
            }
        }
        return a;
    }

    // Sizes below, at and well above the leaf size, odd ones included, so every recursion path runs.
    @ParameterizedTest
    @ValueSource(ints = {1, 7, 96, 97, 250, 333})
    void timesTheMatrixGivesTheIdentity(int n) {
        float[] a = randomSpd(n, n);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            float[] inv = new SymmetricInverse(pool, 2).invert(a, n);
            double worst = 0;
            for (int i = 0; i < n; i++) {
                for (int j = 0; j < n; j++) {
                    double s = 0;
                    for (int q = 0; q < n; q++) {
                        s += (double) a[i * n + q] * inv[q * n + j];
                    }
                    worst = Math.max(worst, Math.abs(s - (i == j ? 1 : 0)));
                }
            }
            assertThat(worst).isLessThan(2e-3);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void refusesAMatrixThatIsNotPositiveDefinite() {
        assertThatThrownBy(() -> SymmetricInverse.invertLeaf(new float[] {1, 2, 2, 1}, 2))
                .isInstanceOf(ArithmeticException.class);
    }
}
