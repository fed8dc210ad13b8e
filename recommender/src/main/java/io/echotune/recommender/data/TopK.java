package io.echotune.recommender.data;

import java.util.function.IntPredicate;

/** Selects the indices of the k largest scores without sorting the whole array. */
public final class TopK {

    private TopK() {
    }

    /**
     * Indices of the {@code k} highest scores among the indices that pass {@code allowed}, best first.
     * NaN and negative-infinity scores are never selected. Ties go to the lower index, so results are
     * deterministic.
     */
    public static int[] select(float[] scores, int k, IntPredicate allowed) {
        if (k <= 0) {
            return new int[0];
        }
        // A min-heap of the best k seen so far: heap[0] is the weakest kept candidate.
        int[] heap = new int[k];
        int size = 0;
        for (int i = 0; i < scores.length; i++) {
            float s = scores[i];
            if (!(s > Float.NEGATIVE_INFINITY)) {
                continue;
            }
            if (size == k && !better(scores, i, heap[0])) {
                continue;
            }
            if (allowed != null && !allowed.test(i)) {
                continue;
            }
            if (size < k) {
                heap[size] = i;
                siftUp(scores, heap, size++);
            } else {
                heap[0] = i;
                siftDown(scores, heap, size);
            }
        }
        int[] out = new int[size];
        for (int n = size - 1; n >= 0; n--) {
            out[n] = heap[0];
            heap[0] = heap[n];
            siftDown(scores, heap, n);
        }
        return out;
    }

    public static int[] select(float[] scores, int k) {
        return select(scores, k, null);
    }

    /** True when item a should rank above item b. */
    private static boolean better(float[] s, int a, int b) {
        return s[a] > s[b] || (s[a] == s[b] && a < b);
    }

    private static void siftUp(float[] s, int[] heap, int pos) {
        while (pos > 0) {
            int parent = (pos - 1) >>> 1;
            if (!better(s, heap[parent], heap[pos])) {
                break;
            }
            int t = heap[parent];
            heap[parent] = heap[pos];
            heap[pos] = t;
            pos = parent;
        }
    }

    private static void siftDown(float[] s, int[] heap, int size) {
        int pos = 0;
        while (true) {
            int l = 2 * pos + 1;
            if (l >= size) {
                return;
            }
            int r = l + 1;
            int weakest = (r < size && better(s, heap[l], heap[r])) ? r : l;
            if (!better(s, heap[pos], heap[weakest])) {
                return;
            }
            int t = heap[pos];
            heap[pos] = heap[weakest];
            heap[weakest] = t;
            pos = weakest;
        }
    }
}
