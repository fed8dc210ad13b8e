package io.echotune.recommender.hybrid;

/**
 * How much each signal counts in the blend. Each component's scores are standardised
 * (z-scores over the catalogue) before weighting, so the weights are comparable.
 *
 * @param als            implicit matrix factorisation
 * @param itemKnn        item neighbourhood
 * @param content        content profile / target-vector match
 * @param popularity     log popularity; a small weight breaks ties toward well-known items
 * @param dislikePenalty how strongly disliked items push their neighbours and profile away
 * @param ease           EASE^R item-item regression (last so the five-weight constructor keeps its meaning)
 */
public record HybridWeights(double als, double itemKnn, double content, double popularity, double dislikePenalty,
                            double ease) {

    public HybridWeights {
        if (als < 0 || itemKnn < 0 || content < 0 || popularity < 0 || dislikePenalty < 0 || ease < 0) {
            throw new IllegalArgumentException("weights must be non-negative: " + this);
        }
    }

    /** Weights without EASE (what model files of format version 1 hold). */
    public HybridWeights(double als, double itemKnn, double content, double popularity, double dislikePenalty) {
        this(als, itemKnn, content, popularity, dislikePenalty, 0);
    }

    /** Reasonable weights before tuning; the evaluation CLI prints tuned ones. */
    public static HybridWeights defaults() {
        return new HybridWeights(1.0, 0.5, 0.3, 0.05, 1.0);
    }

    public HybridWeights withEase(double w) {
        return new HybridWeights(als, itemKnn, content, popularity, dislikePenalty, w);
    }
}
