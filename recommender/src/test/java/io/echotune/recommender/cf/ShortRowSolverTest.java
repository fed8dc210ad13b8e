package io.echotune.recommender.cf;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.SplittableRandom;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class ShortRowSolverTest {

    /** The Woodbury update must equal the exact solve of (YᵀY + λ·m·I + Σ e y yᵀ) x = Σ (1+e)·p·y. */
    @ParameterizedTest
    @ValueSource(ints = {1, 2, 3, 4})
    void matchesTheNormalEquations(int m) {
        int k = 6;
        int fixedRows = 8;
        SplittableRandom random = new SplittableRandom(m);
        float[] fixed = new float[fixedRows * k];
        for (int i = 0; i < fixed.length; i++) {
            fixed[i] = (float) random.nextGaussian();
        }
        AlsConfig config = AlsConfig.defaults().withFactors(k).withRegularization(0.3).withScaledRegularization(true)
                .withThreads(2);
        double[] gram = AlsTrainer.gram(fixed, fixedRows, k, 0);
        int[] cols = new int[m];
        float[] pref = new float[m];
        float[] extra = new float[m];
        for (int j = 0; j < m; j++) {
            cols[j] = 2 * j + 1;
            pref[j] = j == 2 ? 0f : 1f; // the third observation is a dislike
            extra[j] = 0.5f + j;
        }
        // Every row has length m, so the solver prepares that length.
        int[] lengths = new int[fixedRows];
        java.util.Arrays.fill(lengths, m);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        float[] x = new float[k];
        try {
            ShortRowSolver solver = ShortRowSolver.prepare(gram, fixed, fixedRows, lengths, config, pool);
            assertThat(solver.handles(m)).isTrue();
            solver.solve(cols, pref, extra, 0, m, fixed, x, 0);
        } finally {
            pool.shutdownNow();
        }

        double[] a = gram.clone();
        double[] b = new double[k];
        for (int d = 0; d < k; d++) {
            a[d * k + d] += config.penalty(m);
        }
        for (int j = 0; j < m; j++) {
            int off = cols[j] * k;
            for (int r = 0; r < k; r++) {
                b[r] += (1 + extra[j]) * pref[j] * fixed[off + r];
                for (int c = 0; c < k; c++) {
                    a[r * k + c] += extra[j] * fixed[off + r] * fixed[off + c];
                }
            }
        }
        double[] expected = CholeskySolver.solveLowerFilled(a, b, k);
        for (int d = 0; d < k; d++) {
            assertThat((double) x[d]).isCloseTo(expected[d], within(1e-4));
        }
    }
}
