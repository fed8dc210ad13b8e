package io.echotune.recommender.cf;

import io.echotune.recommender.data.IdIndex;
import io.echotune.recommender.data.SparseRows;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.Arrays;

/**
 * Item-item similarities, the top neighbours of each item. A user's score for item j is the
 * sum of similarities between j and the items the user played, minus those to disliked items.
 */
public final class ItemKnnModel {

    private final IdIndex items;
    private final SparseRows neighbours;

    public ItemKnnModel(IdIndex items, SparseRows neighbours) {
        if (neighbours.rowCount() != items.size()) {
            throw new IllegalArgumentException("one neighbour row per item expected");
        }
        this.items = items;
        this.neighbours = neighbours;
    }

    public IdIndex items() {
        return items;
    }

    /** Row i: the neighbours of item i, sorted by item index, with their similarity. */
    public SparseRows neighbours() {
        return neighbours;
    }

    /** Similarity of items a and b (0 when b is not among a's neighbours). */
    public float similarity(int a, int b) {
        int pos = Arrays.binarySearch(neighbours.cols(), neighbours.rowStart()[a], neighbours.rowStart()[a + 1], b);
        return pos >= 0 ? neighbours.vals()[pos] : 0f;
    }

    /**
     * Adds the neighbourhood scores of a history to {@code out}.
     *
     * @param played   items played or liked (weights are ignored: co-occurrence already counts)
     * @param disliked items disliked; their neighbours are pushed down by {@code dislikePenalty}
     */
    public void score(int[] played, int[] disliked, float dislikePenalty, float[] out) {
        int[] start = neighbours.rowStart();
        int[] cols = neighbours.cols();
        float[] vals = neighbours.vals();
        for (int i : played) {
            for (int j = start[i]; j < start[i + 1]; j++) {
                out[cols[j]] += vals[j];
            }
        }
        for (int i : disliked) {
            for (int j = start[i]; j < start[i + 1]; j++) {
                out[cols[j]] -= dislikePenalty * vals[j];
            }
        }
    }

    public void writeTo(DataOutputStream out) throws IOException {
        items.writeTo(out);
        int[] start = neighbours.rowStart();
        out.writeInt(neighbours.nonZeros());
        for (int r = 0; r < neighbours.rowCount(); r++) {
            out.writeInt(start[r + 1] - start[r]);
        }
        for (int c : neighbours.cols()) {
            out.writeInt(c);
        }
        for (float v : neighbours.vals()) {
            out.writeFloat(v);
        }
    }

    public static ItemKnnModel readFrom(DataInputStream in) throws IOException {
        IdIndex items = IdIndex.readFrom(in);
        int nnz = in.readInt();
        int[] start = new int[items.size() + 1];
        for (int r = 0; r < items.size(); r++) {
            start[r + 1] = start[r] + in.readInt();
        }
        if (start[items.size()] != nnz) {
            throw new IOException("corrupt item-kNN model: row lengths do not add up");
        }
        int[] cols = new int[nnz];
        float[] vals = new float[nnz];
        for (int j = 0; j < nnz; j++) {
            cols[j] = in.readInt();
        }
        for (int j = 0; j < nnz; j++) {
            vals[j] = in.readFloat();
        }
        return new ItemKnnModel(items, new SparseRows(start, cols, vals));
    }
}
