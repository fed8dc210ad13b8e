package io.echotune.recommender.evaluation;

import io.echotune.recommender.data.Interactions;
import io.echotune.recommender.data.SparseRows;

import java.util.SplittableRandom;

/**
 * A per-user hold-out split: for every user a seeded random fraction of their items is held
 * out. Train and held-out parts share the user and item indices of the source data.
 *
 * @param train    the kept interactions (with their weights and all dislikes)
 * @param heldOut  per user, the held-out items (with their original weights)
 */
public record HoldoutSplit(Interactions train, SparseRows heldOut) {

    /**
     * Holds out round(fraction × n) items of each user with n ≥ 2 items (at least one); users
     * with a single item keep it for training. Deterministic for a given seed.
     */
    public static HoldoutSplit of(Interactions data, double fraction, long seed) {
        if (!(fraction > 0 && fraction < 1)) {
            throw new IllegalArgumentException("hold-out fraction must be between 0 and 1, got " + fraction);
        }
        SparseRows p = data.positives();
        boolean[] held = new boolean[p.nonZeros()];
        for (int u = 0; u < p.rowCount(); u++) {
            int n = p.rowLength(u);
            if (n < 2) {
                continue;
            }
            int take = Math.max(1, (int) Math.round(n * fraction));
            // One generator per user, derived from the seed and the user index, so a user's split
            // does not depend on any other user's.
            SplittableRandom random = new SplittableRandom(seed * 0x9E3779B97F4A7C15L + u);
            int[] order = new int[n];
            for (int j = 0; j < n; j++) {
                order[j] = j;
            }
            for (int j = 0; j < take; j++) {
                int pick = j + random.nextInt(n - j);
                int t = order[j];
                order[j] = order[pick];
                order[pick] = t;
                held[p.rowStart()[u] + order[j]] = true;
            }
        }
        SparseRows train = p.filterEntries(j -> !held[j]);
        SparseRows test = p.filterEntries(j -> held[j]);
        return new HoldoutSplit(new Interactions(data.users(), data.items(), train, data.dislikes()), test);
    }

    /** Number of users with at least one held-out item. */
    public int evaluatedUsers() {
        int n = 0;
        for (int u = 0; u < heldOut.rowCount(); u++) {
            if (heldOut.rowLength(u) > 0) {
                n++;
            }
        }
        return n;
    }
}
