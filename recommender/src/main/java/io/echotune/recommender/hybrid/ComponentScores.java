package io.echotune.recommender.hybrid;

/**
 * The standardised score of every catalogue item under each signal, for one query. A null
 * array means the signal has nothing to say for this query (e.g. no history for item-kNN).
 * Kept apart from the blend so weights can be tuned without recomputing the signals.
 */
public record ComponentScores(float[] als, float[] itemKnn, float[] content, float[] popularity, float[] ease) {

    /** Scores without an EASE signal. */
    public ComponentScores(float[] als, float[] itemKnn, float[] content, float[] popularity) {
        this(als, itemKnn, content, popularity, null);
    }

    /** The weighted sum of the active signals; popularity alone when nothing else is active. */
    public float[] blend(HybridWeights w) {
        int n = popularity != null ? popularity.length
                : als != null ? als.length : itemKnn != null ? itemKnn.length : content != null ? content.length
                : ease != null ? ease.length : 0;
        float[] out = new float[n];
        boolean personal = als != null || itemKnn != null || content != null || ease != null;
        add(out, als, (float) w.als());
        add(out, ease, (float) w.ease());
        add(out, itemKnn, (float) w.itemKnn());
        add(out, content, (float) w.content());
        add(out, popularity, personal ? (float) w.popularity() : 1f);
        return out;
    }

    private static void add(float[] out, float[] z, float weight) {
        if (z == null || weight == 0) {
            return;
        }
        for (int i = 0; i < out.length; i++) {
            out[i] += weight * z[i];
        }
    }

    /**
     * Turns raw scores into z-scores over the items where the signal is defined (non-NaN);
     * undefined items get 0, i.e. "average" for this signal. Returns null when the signal
     * carries no information (all equal).
     */
    static float[] standardise(float[] raw) {
        double sum = 0;
        double sq = 0;
        int n = 0;
        for (float v : raw) {
            if (!Float.isNaN(v)) {
                sum += v;
                sq += (double) v * v;
                n++;
            }
        }
        if (n == 0) {
            return null;
        }
        double mean = sum / n;
        double var = sq / n - mean * mean;
        if (!(var > 1e-18)) {
            return null;
        }
        float m = (float) mean;
        float inv = (float) (1 / Math.sqrt(var));
        for (int i = 0; i < raw.length; i++) {
            raw[i] = Float.isNaN(raw[i]) ? 0f : (raw[i] - m) * inv;
        }
        return raw;
    }
}
