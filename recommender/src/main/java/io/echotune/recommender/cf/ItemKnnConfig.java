package io.echotune.recommender.cf;

/**
 * Settings of the item-based neighbourhood model.
 *
 * @param neighbours  neighbours kept per item
 * @param weighting   how a (user, item) cell is weighted before item-item similarities are taken
 * @param shrink      added to the cosine denominator; damps similarities backed by few users
 * @param k1          BM25 saturation (BM25 only)
 * @param b           BM25 length normalisation (BM25 only); for RP3_BETA the popularity exponent beta
 * @param threads     worker threads
 */
public record ItemKnnConfig(int neighbours, Weighting weighting, double shrink, double k1, double b, int threads) {

    /**
     * Cell weighting and similarity: binary cosine; BM25 (TF saturation of log play counts, user
     * IDF, dot product); or RP3beta (Paudel et al. 2016): the two-step random-walk probability
     * item → user → item, divided by the target item's popularity to the power beta.
     */
    public enum Weighting { COSINE, BM25, RP3_BETA }

    public ItemKnnConfig {
        if (neighbours < 1 || shrink < 0 || k1 < 0 || b < 0 || b > 1 || threads < 1) {
            throw new IllegalArgumentException("invalid item-kNN settings: " + this);
        }
    }

    public static ItemKnnConfig defaults() {
        return new ItemKnnConfig(100, Weighting.COSINE, 10, 1.2, 0.75, Runtime.getRuntime().availableProcessors());
    }

    public ItemKnnConfig withNeighbours(int n) {
        return new ItemKnnConfig(n, weighting, shrink, k1, b, threads);
    }

    public ItemKnnConfig withWeighting(Weighting w) {
        return new ItemKnnConfig(neighbours, w, shrink, k1, b, threads);
    }

    public ItemKnnConfig withShrink(double s) {
        return new ItemKnnConfig(neighbours, weighting, s, k1, b, threads);
    }

    /** RP3beta with the given popularity exponent. */
    public ItemKnnConfig withRp3Beta(double beta) {
        return new ItemKnnConfig(neighbours, Weighting.RP3_BETA, shrink, k1, beta, threads);
    }

    public ItemKnnConfig withThreads(int t) {
        return new ItemKnnConfig(neighbours, weighting, shrink, k1, b, t);
    }
}
