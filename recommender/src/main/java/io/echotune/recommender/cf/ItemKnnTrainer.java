package io.echotune.recommender.cf;

import io.echotune.recommender.data.Interactions;
import io.echotune.recommender.data.ProgressListener;
import io.echotune.recommender.data.SparseRows;
import io.echotune.recommender.data.TopK;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/** Builds {@link ItemKnnModel}s from co-occurrence: sparse item-item products, top-k per item. */
public final class ItemKnnTrainer {

    private final ItemKnnConfig config;
    private final ProgressListener progress;

    public ItemKnnTrainer(ItemKnnConfig config) {
        this(config, ProgressListener.NONE);
    }

    public ItemKnnTrainer(ItemKnnConfig config, ProgressListener progress) {
        this.config = config;
        this.progress = progress;
    }

    public ItemKnnModel train(Interactions data) {
        int itemCount = data.itemCount();
        SparseRows byUser = weighted(data);
        SparseRows byItem = byUser.transpose(itemCount);
        float[] norms = new float[itemCount];
        for (int i = 0; i < itemCount; i++) {
            double s = 0;
            for (int j = byItem.rowStart()[i]; j < byItem.rowStart()[i + 1]; j++) {
                s += (double) byItem.vals()[j] * byItem.vals()[j];
            }
            norms[i] = (float) Math.sqrt(s);
        }
        int[][] rowCols = new int[itemCount][];
        float[][] rowVals = new float[itemCount][];
        AtomicInteger next = new AtomicInteger();
        AtomicInteger done = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(config.threads());
        try {
            List<Future<?>> tasks = new ArrayList<>();
            for (int t = 0; t < config.threads(); t++) {
                tasks.add(pool.submit(() -> {
                    float[] acc = new float[itemCount];
                    int[] touched = new int[itemCount];
                    int i;
                    while ((i = next.getAndIncrement()) < itemCount) {
                        neighboursOf(i, byUser, byItem, norms, acc, touched, rowCols, rowVals);
                        int d = done.incrementAndGet();
                        if (d % 5000 == 0) {
                            progress.progress("item-kNN similarities", d, itemCount);
                        }
                    }
                }));
            }
            Workers.join(tasks, "item-kNN training interrupted", "item-kNN worker failed");
        } finally {
            pool.shutdownNow();
        }
        return new ItemKnnModel(data.items(), SparseRows.fromRows(rowCols, rowVals));
    }

    private void neighboursOf(int i, SparseRows byUser, SparseRows byItem, float[] norms, float[] acc,
                              int[] touched, int[][] rowCols, float[][] rowVals) {
        int nTouched = 0;
        for (int a = byItem.rowStart()[i]; a < byItem.rowStart()[i + 1]; a++) {
            int u = byItem.cols()[a];
            // RP3beta's first step (item → user) is uniform; its 1/|U_i| is applied below.
            float wi = config.weighting() == ItemKnnConfig.Weighting.RP3_BETA ? 1f : byItem.vals()[a];
            for (int b = byUser.rowStart()[u]; b < byUser.rowStart()[u + 1]; b++) {
                int j = byUser.cols()[b];
                if (j == i) {
                    continue;
                }
                if (acc[j] == 0) {
                    touched[nTouched++] = j;
                }
                acc[j] += wi * byUser.vals()[b];
            }
        }
        ItemKnnConfig.Weighting weighting = config.weighting();
        for (int n = 0; n < nTouched; n++) {
            int j = touched[n];
            if (weighting == ItemKnnConfig.Weighting.COSINE) {
                acc[j] = (float) (acc[j] / (norms[i] * norms[j] + config.shrink()));
            } else if (weighting == ItemKnnConfig.Weighting.RP3_BETA) {
                // P(i → u) = 1/|U_i|, P(u → j) = 1/|I_u| (already in the cell weights), then the
                // popularity penalty |U_j|^-beta keeps the walk from always landing on hits.
                acc[j] = (float) (acc[j] / byItem.rowLength(i) / Math.pow(byItem.rowLength(j), config.b()));
            }
        }
        // Select the top neighbours among the touched items only.
        float[] cand = new float[nTouched];
        for (int n = 0; n < nTouched; n++) {
            cand[n] = acc[touched[n]];
        }
        int[] best = TopK.select(cand, Math.min(config.neighbours(), nTouched), n -> cand[n] > 0);
        int[] cols = new int[best.length];
        float[] vals = new float[best.length];
        for (int n = 0; n < best.length; n++) {
            cols[n] = touched[best[n]];
            vals[n] = cand[best[n]];
        }
        for (int n = 0; n < nTouched; n++) {
            acc[touched[n]] = 0;
        }
        rowCols[i] = cols;
        rowVals[i] = vals;
    }

    /** The user × item matrix with the configured cell weights. */
    private SparseRows weighted(Interactions data) {
        SparseRows p = data.positives();
        if (config.weighting() == ItemKnnConfig.Weighting.COSINE) {
            return p.withConstantValues(1f);
        }
        if (config.weighting() == ItemKnnConfig.Weighting.RP3_BETA) {
            float[] vals = new float[p.nonZeros()];
            for (int u = 0; u < p.rowCount(); u++) {
                for (int j = p.rowStart()[u]; j < p.rowStart()[u + 1]; j++) {
                    vals[j] = 1f / p.rowLength(u);
                }
            }
            return new SparseRows(p.rowStart(), p.cols(), vals);
        }
        // BM25 over the item × user view: item popularity is the "document length", users who
        // played many items carry less information (their IDF is lower).
        SparseRows byItem = data.positivesByItem();
        double avgLen = Math.max(1e-9, (double) p.nonZeros() / Math.max(1, data.itemCount()));
        float[] vals = new float[p.nonZeros()];
        for (int u = 0; u < p.rowCount(); u++) {
            double idf = Math.log(data.itemCount()) - Math.log1p(p.rowLength(u));
            for (int j = p.rowStart()[u]; j < p.rowStart()[u + 1]; j++) {
                double tf = Math.log1p(p.vals()[j]);
                double len = byItem.rowLength(p.cols()[j]);
                double w = tf * (config.k1() + 1) / (config.k1() * (1 - config.b() + config.b() * len / avgLen) + tf);
                vals[j] = (float) Math.max(1e-6, w * idf);
            }
        }
        return new SparseRows(p.rowStart(), p.cols(), vals);
    }

    @Override
    public String toString() {
        return "ItemKnnTrainer" + Arrays.asList(config);
    }
}
