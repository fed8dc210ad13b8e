package io.echotune.recommender.evaluation;

import org.junit.jupiter.api.Test;

import java.util.BitSet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class RankingMetricsTest {

    private static BitSet set(int... items) {
        BitSet b = new BitSet();
        for (int i : items) {
            b.set(i);
        }
        return b;
    }

    @Test
    void matchesHandComputedValues() {
        // k = 4; relevant {1, 3, 9}; ranking 1, 2, 3, 4 → hits at ranks 1 and 3
        RankingMetrics m = new RankingMetrics(4, 10);
        m.add(new int[] {1, 2, 3, 4}, set(1, 3, 9));
        double dcg = 1 + 1 / log2(4);
        double idcg = 1 + 1 / log2(3) + 1 / log2(4);
        assertThat(m.precision()).isCloseTo(0.5, within(1e-12));
        assertThat(m.recall()).isCloseTo(2.0 / 3, within(1e-12));
        assertThat(m.ndcg()).isCloseTo(dcg / idcg, within(1e-12));
        assertThat(m.map()).isCloseTo((1 + 2.0 / 3) / 3, within(1e-12));
        assertThat(m.hitRate()).isEqualTo(1.0);
        // DaisyRec: ideal = the two hits at ranks 1 and 2; MAP averages over the hits
        assertThat(m.daisyNdcg()).isCloseTo(dcg / (1 + 1 / log2(3)), within(1e-12));
        assertThat(m.daisyMap()).isCloseTo((1 + 2.0 / 3) / 2, within(1e-12));
        assertThat(m.coverage()).isCloseTo(0.4, within(1e-12));
    }

    @Test
    void averagesOverUsersAndIgnoresUsersWithoutRelevantItems() {
        RankingMetrics a = new RankingMetrics(2, 5);
        a.add(new int[] {0, 1}, set(0));
        RankingMetrics b = new RankingMetrics(2, 5);
        b.add(new int[] {2, 3}, set(4));
        b.add(new int[] {2, 3}, new BitSet());
        a.merge(b);
        assertThat(a.users()).isEqualTo(2);
        assertThat(a.precision()).isCloseTo(0.25, within(1e-12));
        assertThat(a.recall()).isCloseTo(0.5, within(1e-12));
        assertThat(a.ndcg()).isCloseTo(0.5, within(1e-12));
        assertThat(a.hitRate()).isCloseTo(0.5, within(1e-12));
        assertThat(a.coverage()).isCloseTo(0.8, within(1e-12));
    }

    private static double log2(double x) {
        return Math.log(x) / Math.log(2);
    }
}
