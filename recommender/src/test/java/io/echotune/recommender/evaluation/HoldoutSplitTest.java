package io.echotune.recommender.evaluation;

import io.echotune.recommender.data.Interactions;
import io.echotune.recommender.data.SparseRows;
import org.junit.jupiter.api.Test;

import java.util.HashSet;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class HoldoutSplitTest {

    private static Interactions data() {
        Interactions.Builder b = Interactions.builder();
        for (int u = 0; u < 40; u++) {
            for (int i = 0; i <= u % 17; i++) {
                b.add("u" + u, "i" + ((u * 7 + i * 3) % 60), 1 + i);
            }
        }
        return b.build();
    }

    @Test
    void isDeterministicPerSeed() {
        Interactions d = data();
        HoldoutSplit a = HoldoutSplit.of(d, 0.2, 5);
        HoldoutSplit b = HoldoutSplit.of(d, 0.2, 5);
        HoldoutSplit c = HoldoutSplit.of(d, 0.2, 6);
        assertThat(a.heldOut().cols()).containsExactly(b.heldOut().cols());
        assertThat(a.heldOut().cols()).isNotEqualTo(c.heldOut().cols());
    }

    @Test
    void partsAreDisjointAndCoverTheDataWithTheRequestedShare() {
        Interactions d = data();
        HoldoutSplit s = HoldoutSplit.of(d, 0.2, 11);
        SparseRows train = s.train().positives();
        SparseRows test = s.heldOut();
        for (int u = 0; u < d.userCount(); u++) {
            Set<Integer> trainItems = new HashSet<>();
            for (int i : train.rowColumns(u)) {
                trainItems.add(i);
            }
            Set<Integer> all = new HashSet<>(trainItems);
            for (int i : test.rowColumns(u)) {
                assertThat(trainItems).doesNotContain(i);
                all.add(i);
            }
            int n = d.positives().rowLength(u);
            assertThat(all).hasSize(n);
            int expected = n < 2 ? 0 : Math.max(1, (int) Math.round(n * 0.2));
            assertThat(test.rowLength(u)).isEqualTo(expected);
        }
        assertThat(train.nonZeros() + test.nonZeros()).isEqualTo(d.size());
    }

    @Test
    void keepsTheOriginalWeights() {
        Interactions d = data();
        HoldoutSplit s = HoldoutSplit.of(d, 0.3, 1);
        int u = d.users().indexOf("u16");
        SparseRows test = s.heldOut();
        for (int j = test.rowStart()[u]; j < test.rowStart()[u + 1]; j++) {
            int item = test.cols()[j];
            float original = d.positives().vals()[java.util.Arrays.binarySearch(d.positives().cols(),
                    d.positives().rowStart()[u], d.positives().rowStart()[u + 1], item)];
            assertThat(test.vals()[j]).isEqualTo(original);
        }
    }
}
