package io.echotune.recommender.data;

import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.Comparator;
import java.util.SplittableRandom;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

class TopKTest {

    @Test
    void agreesWithAFullSort() {
        SplittableRandom r = new SplittableRandom(1);
        float[] s = new float[1000];
        for (int i = 0; i < s.length; i++) {
            s[i] = r.nextInt(200);
        }
        int[] expected = IntStream.range(0, s.length).boxed()
                .filter(i -> i % 3 != 0)
                .sorted(Comparator.<Integer>comparingDouble(i -> -s[i]).thenComparingInt(i -> i))
                .limit(25).mapToInt(Integer::intValue).toArray();
        assertThat(TopK.select(s, 25, i -> i % 3 != 0)).containsExactly(expected);
    }

    @Test
    void skipsNegativeInfinityAndHandlesShortArrays() {
        float[] s = {1, Float.NEGATIVE_INFINITY, 3};
        assertThat(TopK.select(s, 5)).containsExactly(2, 0);
        assertThat(Arrays.stream(TopK.select(new float[0], 3))).isEmpty();
    }
}
