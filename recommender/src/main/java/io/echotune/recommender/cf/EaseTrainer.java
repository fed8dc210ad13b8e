package io.echotune.recommender.cf;

import io.echotune.recommender.data.IdIndex;
import io.echotune.recommender.data.Interactions;
import io.echotune.recommender.data.SparseRows;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Trains {@link EaseModel}s: B = I - P · diag(1 / diag P) with P = (XᵀX + λI)⁻¹ over the items
 * with at least {@code minUsers} training users (Steck 2019, "Embarrassingly Shallow Autoencoders").
 */
public final class EaseTrainer {

    private final EaseConfig config;

    public EaseTrainer(EaseConfig config) {
        this.config = config;
    }

    public EaseModel train(Interactions data) {
        SparseRows pos = data.positives();
        SparseRows byItem = data.positivesByItem();
        int[] local = new int[data.itemCount()];
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < local.length; i++) {
            local[i] = byItem.rowLength(i) >= config.minUsers() ? ids.size() : -1;
            if (local[i] >= 0) {
                ids.add(data.items().idOf(i));
            }
        }
        int n = ids.size();
        float[] gram = new float[n * n];
        int[] cols = new int[data.itemCount()];
        float[] vals = new float[data.itemCount()];
        for (int u = 0; u < pos.rowCount(); u++) {
            int len = 0;
            for (int j = pos.rowStart()[u]; j < pos.rowStart()[u + 1]; j++) {
                int l = local[pos.cols()[j]];
                if (l >= 0) {
                    cols[len] = l;
                    vals[len++] = config.cell(pos.vals()[j]);
                }
            }
            for (int a = 0; a < len; a++) {
                int off = cols[a] * n;
                for (int b = 0; b < len; b++) {
                    gram[off + cols[b]] += vals[a] * vals[b];
                }
            }
        }
        float lambda = (float) config.regularization();
        for (int i = 0; i < n; i++) {
            gram[i * n + i] += lambda;
        }
        float[] p;
        ExecutorService pool = Executors.newFixedThreadPool(config.threads(), r -> {
            Thread t = new Thread(r, "ease-worker");
            t.setDaemon(true);
            return t;
        });
        try {
            p = new SymmetricInverse(pool, config.threads()).invert(gram, n);
        } finally {
            pool.shutdownNow();
        }
        // B_ij = -P_ij / P_jj off the diagonal, 0 on it (the constraint that stops B from being I).
        float[] invDiag = new float[n];
        for (int j = 0; j < n; j++) {
            invDiag[j] = 1f / p[j * n + j];
        }
        for (int i = 0; i < n; i++) {
            int off = i * n;
            for (int j = 0; j < n; j++) {
                p[off + j] = -p[off + j] * invDiag[j];
            }
            p[off + i] = 0f;
        }
        return new EaseModel(IdIndex.of(ids), p, config.logPlays());
    }
}
