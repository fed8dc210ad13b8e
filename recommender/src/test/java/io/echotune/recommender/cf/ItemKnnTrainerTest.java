package io.echotune.recommender.cf;

import io.echotune.recommender.data.Interactions;
import io.echotune.recommender.data.TopK;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import static org.assertj.core.api.Assertions.assertThat;

class ItemKnnTrainerTest {

    /** "a" and "b" are always played together; "c" goes with "a" only once; "d" is popular and random. */
    private static Interactions cooccurrence() {
        Interactions.Builder b = Interactions.builder();
        for (int u = 0; u < 30; u++) {
            if (u < 12) {
                b.add("u" + u, "a", 5).add("u" + u, "b", 3);
            }
            if (u % 2 == 0) {
                b.add("u" + u, "d", 4);
            }
            if (u >= 20) {
                b.add("u" + u, "c", 2).add("u" + u, "e", 2);
            }
        }
        b.add("u0", "c", 1);
        return b.build();
    }

    @ParameterizedTest
    @EnumSource(ItemKnnConfig.Weighting.class)
    void ranksCoOccurringItemsFirst(ItemKnnConfig.Weighting weighting) {
        Interactions data = cooccurrence();
        ItemKnnModel model = new ItemKnnTrainer(ItemKnnConfig.defaults().withWeighting(weighting).withShrink(0)
                .withThreads(2)).train(data);
        float[] scores = new float[data.itemCount()];
        int a = data.items().indexOf("a");
        model.score(new int[] {a}, new int[0], 1f, scores);
        int[] top = TopK.select(scores, 2, i -> i != a);
        assertThat(data.items().idOf(top[0])).isEqualTo("b");
        assertThat(model.similarity(a, data.items().indexOf("b")))
                .isGreaterThan(model.similarity(a, data.items().indexOf("c")));
    }

    @Test
    void keepsAtMostTheConfiguredNeighbours() {
        Interactions data = cooccurrence();
        ItemKnnModel model = new ItemKnnTrainer(ItemKnnConfig.defaults().withNeighbours(1).withThreads(1)).train(data);
        for (int i = 0; i < data.itemCount(); i++) {
            assertThat(model.neighbours().rowLength(i)).isLessThanOrEqualTo(1);
        }
    }

    @Test
    void dislikesPushNeighboursDown() {
        Interactions data = cooccurrence();
        ItemKnnModel model = new ItemKnnTrainer(ItemKnnConfig.defaults().withThreads(1)).train(data);
        int c = data.items().indexOf("c");
        int e = data.items().indexOf("e");
        int d = data.items().indexOf("d");
        float[] scores = new float[data.itemCount()];
        model.score(new int[] {d}, new int[] {c}, 1f, scores);
        assertThat(scores[e]).isNegative();
    }
}
