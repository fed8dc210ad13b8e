package io.echotune.recommender.data;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;

/**
 * Implicit feedback of users on items: positive weights (play counts, likes) and dislikes,
 * held as compressed sparse rows over dense user and item indices.
 *
 * <p>Immutable. Row {@code u} lists the items user {@code u} played, sorted by item index,
 * with the summed weight of each. Dislikes are kept apart because the models treat them
 * differently (ALS as confident zeros, content profiles as a push away).
 */
public final class Interactions {

    private final IdIndex users;
    private final IdIndex items;
    private final SparseRows positives;
    private final SparseRows dislikes;
    private volatile SparseRows byItem;

    public Interactions(IdIndex users, IdIndex items, SparseRows positives, SparseRows dislikes) {
        this.users = Objects.requireNonNull(users);
        this.items = Objects.requireNonNull(items);
        this.positives = Objects.requireNonNull(positives);
        this.dislikes = Objects.requireNonNull(dislikes);
        if (positives.rowCount() != users.size() || dislikes.rowCount() != users.size()) {
            throw new IllegalArgumentException("row count must equal the number of users");
        }
    }

    public static Builder builder() {
        return new Builder();
    }

    public IdIndex users() {
        return users;
    }

    public IdIndex items() {
        return items;
    }

    public int userCount() {
        return users.size();
    }

    public int itemCount() {
        return items.size();
    }

    /** Positive feedback, one row per user. */
    public SparseRows positives() {
        return positives;
    }

    /** Dislikes, one row per user (weights are the strength of the dislike). */
    public SparseRows dislikes() {
        return dislikes;
    }

    /** Positive feedback transposed: one row per item, listing its users. */
    public SparseRows positivesByItem() {
        SparseRows t = byItem;
        if (t == null) {
            t = positives.transpose(items.size());
            byItem = t;
        }
        return t;
    }

    /** Number of positive (user, item) pairs. */
    public int size() {
        return positives.nonZeros();
    }

    /** Collects (user, item, weight) events with string ids; repeated pairs add up. */
    public static final class Builder {
        private final IdIndex.Builder users = new IdIndex.Builder();
        private final IdIndex.Builder items = new IdIndex.Builder();
        private final Map<Long, Float> positive = new HashMap<>();
        private final Map<Long, Float> negative = new HashMap<>();

        /** Records that the user played or liked the item with the given weight (must be > 0). */
        public Builder add(String userId, String itemId, double weight) {
            if (!(weight > 0) || Double.isInfinite(weight)) {
                throw new IllegalArgumentException("weight must be a positive finite number, got " + weight
                        + " for user " + userId + " and item " + itemId + " (use dislike() for negative feedback)");
            }
            positive.merge(key(users.indexFor(userId), items.indexFor(itemId)), (float) weight, Float::sum);
            return this;
        }

        /** Records that the user disliked the item (strength 1). */
        public Builder dislike(String userId, String itemId) {
            return dislike(userId, itemId, 1.0);
        }

        public Builder dislike(String userId, String itemId, double strength) {
            if (!(strength > 0) || Double.isInfinite(strength)) {
                throw new IllegalArgumentException("dislike strength must be positive, got " + strength);
            }
            negative.merge(key(users.indexFor(userId), items.indexFor(itemId)), (float) strength, Float::sum);
            return this;
        }

        /** Makes an item known to the catalogue even if nobody played it yet. */
        public Builder item(String itemId) {
            items.indexFor(itemId);
            return this;
        }

        /** Makes a user known even without feedback. */
        public Builder user(String userId) {
            users.indexFor(userId);
            return this;
        }

        public Interactions build() {
            IdIndex u = users.build();
            IdIndex i = items.build();
            // A pair both liked and disliked keeps only the dislike: the latest explicit signal wins.
            for (Long k : negative.keySet()) {
                positive.remove(k);
            }
            return new Interactions(u, i, toRows(positive, u.size()), toRows(negative, u.size()));
        }

        private static long key(int user, int item) {
            return ((long) user << 32) | (item & 0xffffffffL);
        }

        private static SparseRows toRows(Map<Long, Float> cells, int rows) {
            long[] keys = new long[cells.size()];
            int n = 0;
            for (Long k : cells.keySet()) {
                keys[n++] = k;
            }
            Arrays.sort(keys);
            int[] rowStart = new int[rows + 1];
            int[] cols = new int[n];
            float[] vals = new float[n];
            for (int j = 0; j < n; j++) {
                int row = (int) (keys[j] >>> 32);
                rowStart[row + 1]++;
                cols[j] = (int) keys[j];
                vals[j] = cells.get(keys[j]);
            }
            for (int r = 0; r < rows; r++) {
                rowStart[r + 1] += rowStart[r];
            }
            return new SparseRows(rowStart, cols, vals);
        }
    }
}
