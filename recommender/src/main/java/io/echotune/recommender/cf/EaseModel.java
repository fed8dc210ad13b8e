package io.echotune.recommender.cf;

import io.echotune.recommender.data.IdIndex;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;

/**
 * A trained EASE^R model: a dense item × item weight matrix B with a zero diagonal over the
 * items it covers. A user's score for item j is Σ_i x_i·B_ij over the items i they played
 * (x_i = 1, or ln(1 + plays)), minus the rows of disliked items.
 */
public final class EaseModel {

    private final IdIndex items;
    private final float[] weights;
    private final boolean logPlays;

    public EaseModel(IdIndex items, float[] weights, boolean logPlays) {
        if (weights.length != (long) items.size() * items.size()) {
            throw new IllegalArgumentException("EASE weights must be items × items");
        }
        this.items = items;
        this.weights = weights;
        this.logPlays = logPlays;
    }

    /** The items the model covers (those with enough training users); others get no score. */
    public IdIndex items() {
        return items;
    }

    public boolean logPlays() {
        return logPlays;
    }

    /** B_ab: how much playing item a speaks for item b. */
    public float weight(int a, int b) {
        return weights[a * items.size() + b];
    }

    /**
     * Adds the scores of a history to {@code out} (indexed like {@link #items()}).
     *
     * @param played    covered items played or liked
     * @param plays     their weights (play counts), same order
     * @param disliked  covered items disliked; their rows are subtracted with {@code dislikePenalty}
     */
    public void score(int[] played, float[] plays, int[] disliked, float dislikePenalty, float[] out) {
        int n = items.size();
        for (int k = 0; k < played.length; k++) {
            float x = logPlays ? (float) Math.log1p(plays[k]) : 1f;
            addRow(played[k], x, out, n);
        }
        for (int i : disliked) {
            addRow(i, -dislikePenalty, out, n);
        }
    }

    private void addRow(int item, float x, float[] out, int n) {
        int off = item * n;
        for (int j = 0; j < n; j++) {
            out[j] += x * weights[off + j];
        }
    }

    public void writeTo(DataOutputStream out) throws IOException {
        items.writeTo(out);
        out.writeBoolean(logPlays);
        for (float w : weights) {
            out.writeFloat(w);
        }
    }

    public static EaseModel readFrom(DataInputStream in) throws IOException {
        IdIndex items = IdIndex.readFrom(in);
        boolean logPlays = in.readBoolean();
        float[] w = new float[items.size() * items.size()];
        for (int i = 0; i < w.length; i++) {
            w[i] = in.readFloat();
        }
        return new EaseModel(items, w, logPlays);
    }
}
