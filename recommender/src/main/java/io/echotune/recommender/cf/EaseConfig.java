package io.echotune.recommender.cf;

/**
 * Settings of EASE^R (Steck 2019), the closed-form item-item linear autoencoder.
 *
 * @param minUsers       only items played by at least this many training users get a row and a
 *                       column; the dense n × n inversion is O(n³), and rarely played items carry
 *                       too little co-occurrence for a stable weight anyway
 * @param regularization L2 penalty λ added to the Gram matrix's diagonal
 * @param logPlays       when true a played item enters as ln(1 + plays), else as 1
 * @param threads        worker threads of the matrix products
 */
public record EaseConfig(int minUsers, double regularization, boolean logPlays, int threads) {

    public EaseConfig {
        if (minUsers < 1 || !(regularization > 0) || threads < 1) {
            throw new IllegalArgumentException("invalid EASE settings: " + this);
        }
    }

    /** Values tuned on Last.fm-2K validation (see recommender/README.md). */
    public static EaseConfig defaults() {
        return new EaseConfig(8, 100, false, Runtime.getRuntime().availableProcessors());
    }

    public EaseConfig withMinUsers(int n) {
        return new EaseConfig(n, regularization, logPlays, threads);
    }

    public EaseConfig withRegularization(double r) {
        return new EaseConfig(minUsers, r, logPlays, threads);
    }

    public EaseConfig withLogPlays(boolean on) {
        return new EaseConfig(minUsers, regularization, on, threads);
    }

    public EaseConfig withThreads(int t) {
        return new EaseConfig(minUsers, regularization, logPlays, t);
    }

    /** The value a played item with this weight has in the user × item matrix. */
    public float cell(float plays) {
        return logPlays ? (float) Math.log1p(plays) : 1f;
    }
}
