package io.echotune.recommender.cf;

import io.echotune.recommender.data.IdIndex;
import io.echotune.recommender.data.Vectors;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;

/**
 * A trained implicit-feedback matrix factorisation: one vector per user and per item, and the
 * confidence settings needed to fold in users that were not part of training.
 *
 * <p>Produced by {@link AlsTrainer} or by the Spark trainer; both write the same file format.
 */
public final class AlsModel {

    private final IdIndex users;
    private final IdIndex items;
    private final int factors;
    private final float[] userFactors;
    private final float[] itemFactors;
    private final AlsConfig config;
    private volatile double[] gram;
    private volatile float[] itemNorms;

    public AlsModel(IdIndex users, IdIndex items, int factors, float[] userFactors, float[] itemFactors,
                    AlsConfig config) {
        if (userFactors.length != users.size() * factors || itemFactors.length != items.size() * factors) {
            throw new IllegalArgumentException("factor arrays do not match the id indices");
        }
        this.users = users;
        this.items = items;
        this.factors = factors;
        this.userFactors = userFactors;
        this.itemFactors = itemFactors;
        this.config = config;
    }

    public IdIndex users() {
        return users;
    }

    public IdIndex items() {
        return items;
    }

    public int factors() {
        return factors;
    }

    public AlsConfig config() {
        return config;
    }

    /** Row-major user factors (users × factors). Do not modify. */
    public float[] userFactors() {
        return userFactors;
    }

    /** Row-major item factors (items × factors). Do not modify. */
    public float[] itemFactors() {
        return itemFactors;
    }

    /** The factor vector of a known user (a copy). */
    public float[] userVector(int user) {
        float[] x = new float[factors];
        System.arraycopy(userFactors, user * factors, x, 0, factors);
        return x;
    }

    /** Fills {@code out[i]} with the preference score of every item for the user vector x. */
    public void scoreAll(float[] x, float[] out) {
        for (int i = 0, off = 0; i < out.length; i++, off += factors) {
            out[i] = Vectors.dot(x, 0, itemFactors, off, factors);
        }
    }

    public void scoreUser(int user, float[] out) {
        scoreAll(userVector(user), out);
    }

    /** Cosine similarity of two items' factor vectors. */
    public float itemSimilarity(int a, int b) {
        float[] n = norms();
        float d = n[a] * n[b];
        return d == 0 ? 0 : Vectors.dot(itemFactors, a * factors, itemFactors, b * factors, factors) / d;
    }

    /**
     * The least-squares user vector for a history that training never saw (a new user, or seed
     * items from a chat): exactly the user step of ALS, solved by Cholesky.
     *
     * @param itemIdx   items played or liked
     * @param weights   their weights (play counts, like strengths)
     * @param disliked  items disliked: preference 0 with confidence
     */
    public float[] foldIn(int[] itemIdx, float[] weights, int[] disliked) {
        int k = factors;
        double[] a = gram().clone();
        double[] b = new double[k];
        for (int n = 0; n < itemIdx.length + disliked.length; n++) {
            boolean positive = n < itemIdx.length;
            int item = positive ? itemIdx[n] : disliked[n - itemIdx.length];
            // Same confidences as training: dislikes get 1 + alpha with preference 0.
            float cm1 = positive ? config.extraConfidence(weights[n]) : (float) config.alpha();
            int off = item * k;
            for (int r = 0; r < k; r++) {
                double yr = itemFactors[off + r];
                if (positive) {
                    b[r] += (1 + cm1) * yr;
                }
                for (int c = 0; c <= r; c++) {
                    a[r * k + c] += cm1 * yr * itemFactors[off + c];
                }
            }
        }
        if (config.scaleRegularization()) {
            // gram() holds no penalty in this mode: add λ × (number of observations) like training does
            double penalty = config.penalty(itemIdx.length + disliked.length);
            for (int r = 0; r < k; r++) {
                a[r * k + r] += penalty;
            }
        }
        double[] x = CholeskySolver.solveLowerFilled(a, b, k);
        float[] out = new float[k];
        for (int r = 0; r < k; r++) {
            out[r] = (float) x[r];
        }
        return out;
    }

    /** YᵀY + λI over all items, cached; lower triangle is what the solver reads. */
    private double[] gram() {
        double[] g = gram;
        if (g == null) {
            g = AlsTrainer.gram(itemFactors, items.size(), factors,
                    config.scaleRegularization() ? 0 : config.regularization());
            gram = g;
        }
        return g;
    }

    private float[] norms() {
        float[] n = itemNorms;
        if (n == null) {
            n = new float[items.size()];
            for (int i = 0; i < n.length; i++) {
                n[i] = Vectors.norm(itemFactors, i * factors, factors);
            }
            itemNorms = n;
        }
        return n;
    }

    public void writeTo(DataOutputStream out) throws IOException {
        out.writeInt(factors);
        out.writeInt(config.iterations());
        out.writeDouble(config.regularization());
        out.writeDouble(config.alpha());
        out.writeBoolean(config.logScale());
        out.writeDouble(config.epsilon());
        out.writeInt(config.cgSteps());
        out.writeLong(config.seed());
        out.writeBoolean(config.scaleRegularization());
        users.writeTo(out);
        items.writeTo(out);
        writeFloats(out, userFactors);
        writeFloats(out, itemFactors);
    }

    public static AlsModel readFrom(DataInputStream in) throws IOException {
        int k = in.readInt();
        int iterations = in.readInt();
        double reg = in.readDouble();
        double alpha = in.readDouble();
        boolean log = in.readBoolean();
        double eps = in.readDouble();
        int cg = in.readInt();
        long seed = in.readLong();
        boolean scaled = in.readBoolean();
        IdIndex users = IdIndex.readFrom(in);
        IdIndex items = IdIndex.readFrom(in);
        float[] u = readFloats(in);
        float[] v = readFloats(in);
        AlsConfig config = new AlsConfig(k, iterations, reg, alpha, log, eps, cg, 1, seed, scaled);
        try {
            return new AlsModel(users, items, k, u, v, config);
        } catch (IllegalArgumentException e) {
            throw new IOException("corrupt ALS model: " + e.getMessage(), e);
        }
    }

    static void writeFloats(DataOutputStream out, float[] a) throws IOException {
        out.writeInt(a.length);
        for (float f : a) {
            out.writeFloat(f);
        }
    }

    static float[] readFloats(DataInputStream in) throws IOException {
        int n = in.readInt();
        if (n < 0) {
            throw new IOException("corrupt model: negative array length " + n);
        }
        float[] a = new float[n];
        for (int i = 0; i < n; i++) {
            a[i] = in.readFloat();
        }
        return a;
    }
}
