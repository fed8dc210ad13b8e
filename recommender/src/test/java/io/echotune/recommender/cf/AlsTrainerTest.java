package io.echotune.recommender.cf;

import io.echotune.recommender.data.Interactions;
import io.echotune.recommender.data.TopK;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class AlsTrainerTest {

    private final Interactions data = PlantedBlocks.generate(7);
    private final AlsModel model = new AlsTrainer(AlsConfig.defaults().withFactors(8).withIterations(10)
            .withThreads(2).withAlpha(5)).train(data);

    @Test
    void recoversPlantedBlocks() {
        int hits = 0;
        int total = 0;
        float[] scores = new float[data.itemCount()];
        for (int block = 0; block < PlantedBlocks.BLOCKS; block++) {
            for (int u = 0; u < PlantedBlocks.USERS_PER_BLOCK; u++) {
                int user = data.users().indexOf(PlantedBlocks.user(block, u));
                model.scoreUser(user, scores);
                int[] top = TopK.select(scores, 10, i -> !data.positives().contains(user, i));
                for (int i : top) {
                    total++;
                    if (PlantedBlocks.blockOf(data.items().idOf(i)) == block) {
                        hits++;
                    }
                }
            }
        }
        // Random guessing would put only a third of the unseen top-10 in the user's own block.
        assertThat((double) hits / total).isGreaterThan(0.95);
    }

    @Test
    void foldInOfSeedItemsFavoursTheirBlock() {
        int[] seeds = {data.items().indexOf(PlantedBlocks.item(2, 0)), data.items().indexOf(PlantedBlocks.item(2, 1)),
                data.items().indexOf(PlantedBlocks.item(2, 2))};
        float[] x = model.foldIn(seeds, new float[] {10, 10, 10}, new int[0]);
        float[] scores = new float[data.itemCount()];
        model.scoreAll(x, scores);
        for (int i : TopK.select(scores, 10)) {
            assertThat(PlantedBlocks.blockOf(data.items().idOf(i))).isEqualTo(2);
        }
    }

    @Test
    void dislikesLowerTheDislikedItemsScore() {
        int[] seeds = {data.items().indexOf(PlantedBlocks.item(1, 0)), data.items().indexOf(PlantedBlocks.item(1, 1))};
        int disliked = data.items().indexOf(PlantedBlocks.item(1, 5));
        float[] plain = new float[data.itemCount()];
        float[] withDislike = new float[data.itemCount()];
        model.scoreAll(model.foldIn(seeds, new float[] {10, 10}, new int[0]), plain);
        model.scoreAll(model.foldIn(seeds, new float[] {10, 10}, new int[] {disliked}), withDislike);
        assertThat(withDislike[disliked]).isLessThan(plain[disliked] - 0.05f);
    }

    @Test
    void isDeterministicForASeedAndThreadCount() {
        AlsConfig config = AlsConfig.defaults().withFactors(8).withIterations(3).withThreads(2);
        AlsModel a = new AlsTrainer(config).train(data);
        AlsModel b = new AlsTrainer(config).train(data);
        assertThat(a.itemFactors()).containsExactly(b.itemFactors());
    }
}
