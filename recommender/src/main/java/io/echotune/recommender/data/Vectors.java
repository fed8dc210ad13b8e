package io.echotune.recommender.data;

/** Small dense float-vector kernels shared by the models; plain loops the JIT vectorises. */
public final class Vectors {

    private Vectors() {
    }

    /** Dot product of a[aOff .. aOff+k) and b[bOff .. bOff+k). */
    public static float dot(float[] a, int aOff, float[] b, int bOff, int k) {
        float s0 = 0, s1 = 0, s2 = 0, s3 = 0;
        int i = 0;
        // Four accumulators break the dependency chain so the loop pipelines well.
        for (; i + 3 < k; i += 4) {
            s0 += a[aOff + i] * b[bOff + i];
            s1 += a[aOff + i + 1] * b[bOff + i + 1];
            s2 += a[aOff + i + 2] * b[bOff + i + 2];
            s3 += a[aOff + i + 3] * b[bOff + i + 3];
        }
        for (; i < k; i++) {
            s0 += a[aOff + i] * b[bOff + i];
        }
        return (s0 + s1) + (s2 + s3);
    }

    public static float dot(float[] a, float[] b) {
        return dot(a, 0, b, 0, a.length);
    }

    public static float norm(float[] a, int off, int k) {
        return (float) Math.sqrt(dot(a, off, a, off, k));
    }

    /** Scales a in place to unit length; leaves a zero vector alone. Returns the old norm. */
    public static float normalize(float[] a) {
        float n = norm(a, 0, a.length);
        if (n > 0) {
            for (int i = 0; i < a.length; i++) {
                a[i] /= n;
            }
        }
        return n;
    }
}
