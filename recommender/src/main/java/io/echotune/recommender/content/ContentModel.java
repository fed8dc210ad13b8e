package io.echotune.recommender.content;

import io.echotune.recommender.data.IdIndex;
import io.echotune.recommender.data.SparseRows;
import io.echotune.recommender.data.TopK;
import io.echotune.recommender.data.Vectors;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Content-based scoring over item feature vectors supplied by the caller (audio features,
 * genre/tag weights, embeddings). Item vectors are unit length, so a score is the cosine
 * between an item and a user profile or a target vector.
 *
 * <p>Vectors are stored sparse, which serves both dense audio features (few dimensions) and
 * tag vectors (thousands of dimensions, a handful set per item).
 */
public final class ContentModel {

    private final IdIndex items;
    private final List<String> featureNames;
    private final SparseRows vectors;
    /** Per-feature mean and scale applied before normalising, or null when vectors are used as given. */
    private final float[] mean;
    private final float[] scale;

    private ContentModel(IdIndex items, List<String> featureNames, SparseRows vectors, float[] mean, float[] scale) {
        this.items = items;
        this.featureNames = List.copyOf(featureNames);
        this.vectors = vectors;
        this.mean = mean;
        this.scale = scale;
    }

    /** @param featureNames one name per dimension, used in explanations ("calm", "acoustic", "rock") */
    public static Builder builder(List<String> featureNames) {
        return new Builder(featureNames);
    }

    /** A model over dense vectors, one per item, each of {@code featureNames.size()} dimensions. */
    public static ContentModel of(Map<String, float[]> itemVectors, List<String> featureNames, boolean standardize) {
        Builder b = builder(featureNames).standardize(standardize);
        itemVectors.forEach(b::add);
        return b.build();
    }

    public IdIndex items() {
        return items;
    }

    public List<String> featureNames() {
        return featureNames;
    }

    public int dimensions() {
        return featureNames.size();
    }

    /** Unit-length item vectors, one row per item. */
    public SparseRows vectors() {
        return vectors;
    }

    /**
     * A unit-length taste profile: the log-weighted mean of what the user played or liked,
     * minus {@code dislikeWeight} times the mean of what they disliked.
     */
    public float[] profile(int[] played, float[] weights, int[] disliked, float dislikeWeight) {
        float[] p = new float[dimensions()];
        addRows(p, played, weights, 1f);
        if (disliked.length > 0 && dislikeWeight > 0) {
            float[] neg = new float[dimensions()];
            addRows(neg, disliked, null, 1f);
            Vectors.normalize(neg);
            float posNorm = Vectors.normalize(p) > 0 ? 1f : 0f;
            for (int d = 0; d < p.length; d++) {
                p[d] = posNorm * p[d] - dislikeWeight * neg[d];
            }
        }
        Vectors.normalize(p);
        return p;
    }

    /**
     * Maps a target vector given in the caller's raw feature units (e.g. a mood's valence and
     * energy) into the model's space, standardised like the items, unit length.
     */
    public float[] embedTarget(float[] raw) {
        if (raw.length != dimensions()) {
            throw new IllegalArgumentException("target vector has " + raw.length + " dimensions, the content model "
                    + dimensions() + " (" + featureNames + ")");
        }
        float[] t = raw.clone();
        if (mean != null) {
            for (int d = 0; d < t.length; d++) {
                t[d] = (t[d] - mean[d]) / scale[d];
            }
        }
        Vectors.normalize(t);
        return t;
    }

    /** Fills out[i] with the cosine of item i and the unit-length profile. */
    public void scoreAll(float[] profile, float[] out) {
        int[] start = vectors.rowStart();
        int[] cols = vectors.cols();
        float[] vals = vectors.vals();
        for (int i = 0; i < out.length; i++) {
            float s = 0;
            for (int j = start[i]; j < start[i + 1]; j++) {
                s += vals[j] * profile[cols[j]];
            }
            out[i] = s;
        }
    }

    /** Cosine similarity of two items. */
    public float similarity(int a, int b) {
        int[] start = vectors.rowStart();
        int[] cols = vectors.cols();
        float[] vals = vectors.vals();
        int i = start[a];
        int j = start[b];
        float s = 0;
        while (i < start[a + 1] && j < start[b + 1]) {
            if (cols[i] == cols[j]) {
                s += vals[i++] * vals[j++];
            } else if (cols[i] < cols[j]) {
                i++;
            } else {
                j++;
            }
        }
        return s;
    }

    /** The names of the features that contribute most to the match of an item with a profile. */
    public List<String> matchingFeatures(float[] profile, int item, int max) {
        int from = vectors.rowStart()[item];
        int to = vectors.rowStart()[item + 1];
        float[] contrib = new float[to - from];
        for (int j = from; j < to; j++) {
            contrib[j - from] = vectors.vals()[j] * profile[vectors.cols()[j]];
        }
        List<String> names = new ArrayList<>();
        for (int n : TopK.select(contrib, max, n -> contrib[n] > 0)) {
            names.add(featureNames.get(vectors.cols()[from + n]));
        }
        return names;
    }

    private void addRows(float[] acc, int[] rows, float[] weights, float sign) {
        for (int n = 0; n < rows.length; n++) {
            int i = rows[n];
            // log weighting keeps one obsessively replayed item from defining the whole profile
            float w = sign * (weights == null ? 1f : (float) Math.log1p(Math.max(0f, weights[n])));
            for (int j = vectors.rowStart()[i]; j < vectors.rowStart()[i + 1]; j++) {
                acc[vectors.cols()[j]] += w * vectors.vals()[j];
            }
        }
    }

    public void writeTo(DataOutputStream out) throws IOException {
        items.writeTo(out);
        out.writeInt(featureNames.size());
        for (String f : featureNames) {
            out.writeUTF(f);
        }
        out.writeBoolean(mean != null);
        if (mean != null) {
            for (int d = 0; d < mean.length; d++) {
                out.writeFloat(mean[d]);
                out.writeFloat(scale[d]);
            }
        }
        out.writeInt(vectors.nonZeros());
        for (int r = 0; r < vectors.rowCount(); r++) {
            out.writeInt(vectors.rowLength(r));
        }
        for (int j = 0; j < vectors.nonZeros(); j++) {
            out.writeInt(vectors.cols()[j]);
            out.writeFloat(vectors.vals()[j]);
        }
    }

    public static ContentModel readFrom(DataInputStream in) throws IOException {
        IdIndex items = IdIndex.readFrom(in);
        int dims = in.readInt();
        List<String> names = new ArrayList<>(dims);
        for (int d = 0; d < dims; d++) {
            names.add(in.readUTF());
        }
        float[] mean = null;
        float[] scale = null;
        if (in.readBoolean()) {
            mean = new float[dims];
            scale = new float[dims];
            for (int d = 0; d < dims; d++) {
                mean[d] = in.readFloat();
                scale[d] = in.readFloat();
            }
        }
        int nnz = in.readInt();
        int[] start = new int[items.size() + 1];
        for (int r = 0; r < items.size(); r++) {
            start[r + 1] = start[r] + in.readInt();
        }
        if (start[items.size()] != nnz) {
            throw new IOException("corrupt content model: row lengths do not add up");
        }
        int[] cols = new int[nnz];
        float[] vals = new float[nnz];
        for (int j = 0; j < nnz; j++) {
            cols[j] = in.readInt();
            vals[j] = in.readFloat();
        }
        return new ContentModel(items, names, new SparseRows(start, cols, vals), mean, scale);
    }

    /** Collects item vectors; dense or sparse, in any mix. Stored sparse until built. */
    public static final class Builder {
        private final List<String> featureNames;
        private final Map<String, int[]> cols = new LinkedHashMap<>();
        private final Map<String, float[]> vals = new LinkedHashMap<>();
        private boolean standardize;

        private Builder(List<String> featureNames) {
            this.featureNames = List.copyOf(Objects.requireNonNull(featureNames));
        }

        /**
         * Standardise each feature (z-score over the items) before normalising. Use for dense
         * features on different scales (tempo in BPM next to valence in 0..1); leave off for
         * sparse tag weights, where it would make every vector dense.
         */
        public Builder standardize(boolean on) {
            this.standardize = on;
            return this;
        }

        /** Adds a dense vector with one value per feature. */
        public Builder add(String itemId, float[] vector) {
            if (vector.length != featureNames.size()) {
                throw new IllegalArgumentException("item " + itemId + " has " + vector.length
                        + " features, expected " + featureNames.size());
            }
            int[] idx = new int[vector.length];
            for (int d = 0; d < idx.length; d++) {
                idx[d] = d;
            }
            return addSparse(itemId, idx, vector);
        }

        /** Adds a sparse vector: feature indices and their values (repeated indices add up). */
        public Builder addSparse(String itemId, int[] features, float[] values) {
            if (features.length != values.length) {
                throw new IllegalArgumentException("item " + itemId + ": features and values differ in length");
            }
            java.util.TreeMap<Integer, Float> merged = new java.util.TreeMap<>();
            for (int n = 0; n < features.length; n++) {
                if (features[n] < 0 || features[n] >= featureNames.size()) {
                    throw new IllegalArgumentException("item " + itemId + " has feature index " + features[n]
                            + " outside 0.." + (featureNames.size() - 1));
                }
                if (!Float.isFinite(values[n])) {
                    throw new IllegalArgumentException("item " + itemId + " has a non-finite feature value");
                }
                merged.merge(features[n], values[n], Float::sum);
            }
            int[] c = new int[merged.size()];
            float[] v = new float[merged.size()];
            int j = 0;
            for (Map.Entry<Integer, Float> e : merged.entrySet()) {
                c[j] = e.getKey();
                v[j++] = e.getValue();
            }
            cols.put(itemId, c);
            vals.put(itemId, v);
            return this;
        }

        public ContentModel build() {
            int dims = featureNames.size();
            float[] mean = null;
            float[] scale = null;
            if (standardize) {
                mean = new float[dims];
                scale = new float[dims];
                double[] sum = new double[dims];
                double[] sq = new double[dims];
                for (String id : cols.keySet()) {
                    int[] c = cols.get(id);
                    float[] v = vals.get(id);
                    for (int j = 0; j < c.length; j++) {
                        sum[c[j]] += v[j];
                        sq[c[j]] += (double) v[j] * v[j];
                    }
                }
                int n = Math.max(1, cols.size());
                for (int d = 0; d < dims; d++) {
                    double m = sum[d] / n;
                    double var = Math.max(0, sq[d] / n - m * m);
                    mean[d] = (float) m;
                    scale[d] = var > 1e-12 ? (float) Math.sqrt(var) : 1f;
                }
            }
            int[][] rowCols = new int[cols.size()][];
            float[][] rowVals = new float[cols.size()][];
            int r = 0;
            for (String id : cols.keySet()) {
                int[] c = cols.get(id);
                float[] v = vals.get(id);
                if (mean != null) {
                    float[] dense = new float[dims];
                    for (int j = 0; j < c.length; j++) {
                        dense[c[j]] = v[j];
                    }
                    for (int d = 0; d < dims; d++) {
                        dense[d] = (dense[d] - mean[d]) / scale[d];
                    }
                    c = new int[dims];
                    for (int d = 0; d < dims; d++) {
                        c[d] = d;
                    }
                    v = dense;
                } else {
                    v = v.clone();
                }
                Vectors.normalize(v);
                rowCols[r] = c;
                rowVals[r] = v;
                r++;
            }
            return new ContentModel(IdIndex.of(cols.keySet()), featureNames, SparseRows.fromRows(rowCols, rowVals),
                    mean, scale);
        }
    }
}
