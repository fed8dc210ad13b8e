package io.echotune.recommender.cf;

/** Solves small symmetric positive-definite systems (k × k, k ≈ 16..256) for ALS fold-in. */
final class CholeskySolver {

    private CholeskySolver() {
    }

    /**
     * Solves A x = b where only the lower triangle of the row-major {@code a} is filled.
     * {@code a} is overwritten with its Cholesky factor.
     */
    static double[] solveLowerFilled(double[] a, double[] b, int k) {
        for (int j = 0; j < k; j++) {
            double d = a[j * k + j];
            for (int p = 0; p < j; p++) {
                d -= a[j * k + p] * a[j * k + p];
            }
            // Guard against round-off on (near) singular systems; λ > 0 normally keeps d well above 0.
            d = Math.sqrt(Math.max(d, 1e-12));
            a[j * k + j] = d;
            for (int i = j + 1; i < k; i++) {
                double s = a[i * k + j];
                for (int p = 0; p < j; p++) {
                    s -= a[i * k + p] * a[j * k + p];
                }
                a[i * k + j] = s / d;
            }
        }
        double[] y = new double[k];
        for (int i = 0; i < k; i++) {
            double s = b[i];
            for (int p = 0; p < i; p++) {
                s -= a[i * k + p] * y[p];
            }
            y[i] = s / a[i * k + i];
        }
        double[] x = new double[k];
        for (int i = k - 1; i >= 0; i--) {
            double s = y[i];
            for (int p = i + 1; p < k; p++) {
                s -= a[p * k + i] * x[p];
            }
            x[i] = s / a[i * k + i];
        }
        return x;
    }
}
