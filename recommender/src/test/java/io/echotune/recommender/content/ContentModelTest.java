package io.echotune.recommender.content;

import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ContentModelTest {

    private static final List<String> FEATURES = List.of("calm", "acoustic", "energetic", "electronic");

    private static ContentModel model() {
        Map<String, float[]> v = new LinkedHashMap<>();
        v.put("folk1", new float[] {0.9f, 0.9f, 0.1f, 0.0f});
        v.put("folk2", new float[] {0.8f, 1.0f, 0.2f, 0.1f});
        v.put("folk3", new float[] {1.0f, 0.7f, 0.0f, 0.0f});
        v.put("edm1", new float[] {0.1f, 0.0f, 0.9f, 1.0f});
        v.put("edm2", new float[] {0.0f, 0.1f, 1.0f, 0.9f});
        v.put("mixed", new float[] {0.5f, 0.5f, 0.5f, 0.5f});
        return ContentModel.of(v, FEATURES, false);
    }

    @Test
    void profilePrefersSimilarItems() {
        ContentModel m = model();
        float[] profile = m.profile(new int[] {m.items().indexOf("folk1"), m.items().indexOf("folk2")},
                new float[] {10, 5}, new int[0], 1f);
        float[] scores = new float[m.items().size()];
        m.scoreAll(profile, scores);
        assertThat(scores[m.items().indexOf("folk3")]).isGreaterThan(scores[m.items().indexOf("mixed")]);
        assertThat(scores[m.items().indexOf("mixed")]).isGreaterThan(scores[m.items().indexOf("edm1")]);
        assertThat(m.matchingFeatures(profile, m.items().indexOf("folk3"), 2)).containsExactly("calm", "acoustic");
    }

    @Test
    void dislikesPushSimilarItemsAway() {
        ContentModel m = model();
        int mixed = m.items().indexOf("mixed");
        int edm2 = m.items().indexOf("edm2");
        float[] liked = m.profile(new int[] {mixed}, new float[] {3}, new int[0], 1f);
        float[] likedButDislikesEdm = m.profile(new int[] {mixed}, new float[] {3},
                new int[] {m.items().indexOf("edm1")}, 1f);
        float[] a = new float[m.items().size()];
        float[] b = new float[m.items().size()];
        m.scoreAll(liked, a);
        m.scoreAll(likedButDislikesEdm, b);
        assertThat(b[edm2]).isLessThan(a[edm2] - 0.2f);
        assertThat(b[m.items().indexOf("folk1")]).isGreaterThan(a[m.items().indexOf("folk1")]);
    }

    @Test
    void standardisedTargetsLiveInTheSameSpaceAsItems() {
        Map<String, float[]> v = new LinkedHashMap<>();
        // tempo in BPM would drown valence without standardisation
        v.put("slow-sad", new float[] {70, 0.1f});
        v.put("slow-happy", new float[] {72, 0.9f});
        v.put("fast-sad", new float[] {170, 0.15f});
        v.put("fast-happy", new float[] {168, 0.95f});
        ContentModel m = ContentModel.of(v, List.of("tempo", "valence"), true);
        float[] target = m.embedTarget(new float[] {75, 0.85f});
        float[] scores = new float[4];
        m.scoreAll(target, scores);
        int best = 0;
        for (int i = 1; i < 4; i++) {
            if (scores[i] > scores[best]) {
                best = i;
            }
        }
        assertThat(m.items().idOf(best)).isEqualTo("slow-happy");
    }

    @Test
    void rejectsVectorsOfTheWrongLength() {
        assertThatThrownBy(() -> ContentModel.builder(FEATURES).add("x", new float[] {1, 2}))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("expected 4");
    }
}
