package io.echotune.recommender.data;

import java.util.Arrays;
import java.util.function.IntPredicate;

/**
 * A compressed-sparse-row matrix of floats: row {@code r} has the columns
 * {@code cols[rowStart[r] .. rowStart[r+1])}, sorted ascending, with values in {@code vals}.
 * Arrays are exposed for speed; callers must not modify them.
 */
public record SparseRows(int[] rowStart, int[] cols, float[] vals) {

    public SparseRows {
        if (rowStart.length == 0 || rowStart[0] != 0 || rowStart[rowStart.length - 1] != cols.length
                || cols.length != vals.length) {
            throw new IllegalArgumentException("inconsistent sparse rows");
        }
    }

    /** An empty matrix with the given number of rows. */
    public static SparseRows empty(int rows) {
        return new SparseRows(new int[rows + 1], new int[0], new float[0]);
    }

    /** Builds rows from per-row column and value arrays (columns need not be sorted). */
    public static SparseRows fromRows(int[][] rowCols, float[][] rowVals) {
        int rows = rowCols.length;
        int[] start = new int[rows + 1];
        for (int r = 0; r < rows; r++) {
            start[r + 1] = start[r] + rowCols[r].length;
        }
        int[] cols = new int[start[rows]];
        float[] vals = new float[start[rows]];
        for (int r = 0; r < rows; r++) {
            int[] c = rowCols[r];
            float[] v = rowVals[r];
            Integer[] order = new Integer[c.length];
            for (int j = 0; j < c.length; j++) {
                order[j] = j;
            }
            Arrays.sort(order, (a, b) -> Integer.compare(c[a], c[b]));
            for (int j = 0; j < c.length; j++) {
                cols[start[r] + j] = c[order[j]];
                vals[start[r] + j] = v[order[j]];
            }
        }
        return new SparseRows(start, cols, vals);
    }

    public int rowCount() {
        return rowStart.length - 1;
    }

    public int nonZeros() {
        return cols.length;
    }

    public int rowLength(int row) {
        return rowStart[row + 1] - rowStart[row];
    }

    public int[] rowColumns(int row) {
        return Arrays.copyOfRange(cols, rowStart[row], rowStart[row + 1]);
    }

    public float[] rowValues(int row) {
        return Arrays.copyOfRange(vals, rowStart[row], rowStart[row + 1]);
    }

    public boolean contains(int row, int col) {
        return Arrays.binarySearch(cols, rowStart[row], rowStart[row + 1], col) >= 0;
    }

    /** The transpose, with {@code columnCount} rows. */
    public SparseRows transpose(int columnCount) {
        int[] start = new int[columnCount + 1];
        for (int c : cols) {
            start[c + 1]++;
        }
        for (int c = 0; c < columnCount; c++) {
            start[c + 1] += start[c];
        }
        int[] fill = Arrays.copyOf(start, columnCount);
        int[] tCols = new int[cols.length];
        float[] tVals = new float[cols.length];
        for (int r = 0; r < rowCount(); r++) {
            for (int j = rowStart[r]; j < rowStart[r + 1]; j++) {
                int pos = fill[cols[j]]++;
                tCols[pos] = r;
                tVals[pos] = vals[j];
            }
        }
        return new SparseRows(start, tCols, tVals);
    }

    /** A copy keeping only the entries whose position j (index into cols/vals) passes the filter. */
    public SparseRows filterEntries(IntPredicate keepEntry) {
        int rows = rowCount();
        int[] start = new int[rows + 1];
        int[] c = new int[cols.length];
        float[] v = new float[cols.length];
        int n = 0;
        for (int r = 0; r < rows; r++) {
            for (int j = rowStart[r]; j < rowStart[r + 1]; j++) {
                if (keepEntry.test(j)) {
                    c[n] = cols[j];
                    v[n] = vals[j];
                    n++;
                }
            }
            start[r + 1] = n;
        }
        return new SparseRows(start, Arrays.copyOf(c, n), Arrays.copyOf(v, n));
    }

    /** A copy with every value replaced by {@code value} (e.g. 1 to binarise play counts). */
    public SparseRows withConstantValues(float value) {
        float[] v = new float[vals.length];
        Arrays.fill(v, value);
        return new SparseRows(rowStart, cols, v);
    }
}
