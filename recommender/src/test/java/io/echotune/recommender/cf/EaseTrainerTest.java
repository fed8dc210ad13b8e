package io.echotune.recommender.cf;

import io.echotune.recommender.data.Interactions;
import io.echotune.recommender.data.TopK;
import org.junit.jupiter.api.Test;


import static org.assertj.core.api.Assertions.assertThat;

class EaseTrainerTest {

    private final Interactions data = PlantedBlocks.generate(11);

    private static int[] played(Interactions data, int user) {
        return data.positives().rowColumns(user);
    }

    @Test
    void recoversPlantedBlocks() {
        EaseModel model = new EaseTrainer(EaseConfig.defaults().withMinUsers(1).withRegularization(10).withThreads(2))
                .train(data);
        // Every item has users, so the model covers the whole catalogue in the data's order.
        assertThat(model.items().ids()).isEqualTo(data.items().ids());
        int hits = 0;
        int total = 0;
        for (int u = 0; u < data.userCount(); u++) {
            int user = u;
            int[] items = played(data, u);
            float[] scores = new float[data.itemCount()];
            model.score(items, data.positives().rowValues(u), new int[0], 1f, scores);
            int block = PlantedBlocks.blockOf(data.items().idOf(items[0]));
            for (int i : TopK.select(scores, 10, i -> !data.positives().contains(user, i))) {
                total++;
                hits += PlantedBlocks.blockOf(data.items().idOf(i)) == block ? 1 : 0;
            }
        }
        assertThat((double) hits / total).isGreaterThan(0.95);
    }

    @Test
    void hasAZeroDiagonalSoAnItemNeverRecommendsItself() {
        EaseModel model = new EaseTrainer(EaseConfig.defaults().withMinUsers(1).withThreads(1)).train(data);
        for (int i = 0; i < model.items().size(); i++) {
            assertThat(model.weight(i, i)).isZero();
        }
    }

    @Test
    void coversOnlyItemsWithEnoughUsers() {
        Interactions.Builder b = Interactions.builder();
        for (int u = 0; u < 6; u++) {
            b.add("u" + u, "hit", 3).add("u" + u, "also-hit", 2);
        }
        b.add("u0", "rare", 1);
        Interactions small = b.build();
        EaseModel model = new EaseTrainer(EaseConfig.defaults().withMinUsers(2).withRegularization(1).withThreads(1))
                .train(small);
        assertThat(model.items().ids()).containsExactlyInAnyOrder("hit", "also-hit");
        float[] scores = new float[2];
        int hit = model.items().indexOf("hit");
        int also = model.items().indexOf("also-hit");
        model.score(new int[] {hit}, new float[] {3}, new int[0], 1f, scores);
        assertThat(scores[also]).isPositive();
    }

    @Test
    void dislikesPushTheirPartnersDown() {
        EaseModel model = new EaseTrainer(EaseConfig.defaults().withMinUsers(1).withRegularization(10).withThreads(1))
                .train(data);
        int disliked = model.items().indexOf(PlantedBlocks.item(0, 0));
        float[] scores = new float[model.items().size()];
        model.score(new int[0], new float[0], new int[] {disliked}, 1f, scores);
        float sameBlock = 0;
        for (int i = 1; i < PlantedBlocks.ITEMS_PER_BLOCK; i++) {
            sameBlock += scores[model.items().indexOf(PlantedBlocks.item(0, i))];
        }
        assertThat(sameBlock).isNegative();
    }
}
