package io.echotune.recommender.cf;

/**
 * Settings of the item-based neighbourhood model.
 *
 * @param neighbours  neighbours kept per item
 * @param weighting   how a (user, item) cell is weighted before item-item similarities are taken
 * @param shrink      added to the cosine denominator; damps similarities backed by few users
 * @param k1          BM25 saturation (BM25 only)
 * @param b           BM25 length normalisation (BM25 only)
 * @param threads     worker threads
 */
public record ItemKnnConfig(int neighbours, Weighting weighting, double shrink, double k1, double b, int threads) {

    /** Cell weighting: binary cosine, or BM25 (TF saturation of log play counts, user IDF). */
    public enum Weighting { COSINE, BM25 }

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

    public ItemKnnConfig withThreads(int t) {
        return new ItemKnnConfig(neighbours, weighting, shrink, k1, b, t);
    }
}
