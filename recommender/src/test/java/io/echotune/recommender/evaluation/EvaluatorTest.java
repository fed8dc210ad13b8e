package io.echotune.recommender.evaluation;

import io.echotune.recommender.data.Interactions;
import io.echotune.recommender.data.ProgressListener;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class EvaluatorTest {

    private static Interactions data() {
        Interactions.Builder b = Interactions.builder();
        for (int i = 0; i < 200; i++) {
            b.item("i" + i);
        }
        for (int u = 0; u < 30; u++) {
            for (int i = 0; i < 10; i++) {
                b.add("u" + u, "i" + (u + i * 13) % 200, 1);
            }
        }
        return b.build();
    }

    @Test
    void anOracleIsPerfectAndTrainingItemsAreNeverRecommended() {
        Interactions d = data();
        HoldoutSplit split = HoldoutSplit.of(d, 0.2, 3);
        // Scores held-out items highest and training items even higher: the evaluator must mask them.
        Scorer oracle = u -> {
            float[] s = new float[d.itemCount()];
            for (int i : split.heldOut().rowColumns(u)) {
                s[i] = 1;
            }
            for (int i : split.train().positives().rowColumns(u)) {
                s[i] = 2;
            }
            return s;
        };
        Evaluator e = new Evaluator(10, 2, ProgressListener.NONE);
        RankingMetrics full = e.fullRanking(split, oracle);
        assertThat(full.recall()).isEqualTo(1.0);
        assertThat(full.ndcg()).isEqualTo(1.0);
        RankingMetrics sampled = e.sampledRanking(split, oracle, 50, 1);
        assertThat(sampled.recall()).isEqualTo(1.0);
    }

    @Test
    void sampledCandidatesMakeRankingEasierThanFullRanking() {
        Interactions d = data();
        HoldoutSplit split = HoldoutSplit.of(d, 0.2, 3);
        Scorer byIndex = u -> {
            float[] s = new float[d.itemCount()];
            for (int i = 0; i < s.length; i++) {
                s[i] = -i;
            }
            return s;
        };
        Evaluator e = new Evaluator(10, 1, ProgressListener.NONE);
        assertThat(e.sampledRanking(split, byIndex, 20, 1).recall())
                .isGreaterThan(e.fullRanking(split, byIndex).recall());
    }
}
