package io.echotune.recommender.model;

import io.echotune.recommender.cf.AlsConfig;
import io.echotune.recommender.cf.AlsModel;
import io.echotune.recommender.cf.AlsTrainer;
import io.echotune.recommender.cf.EaseConfig;
import io.echotune.recommender.cf.EaseModel;
import io.echotune.recommender.cf.EaseTrainer;
import io.echotune.recommender.cf.ItemKnnConfig;
import io.echotune.recommender.cf.ItemKnnModel;
import io.echotune.recommender.cf.ItemKnnTrainer;
import io.echotune.recommender.content.ContentModel;
import io.echotune.recommender.data.Interactions;
import io.echotune.recommender.hybrid.HybridWeights;
import io.echotune.recommender.hybrid.RecommendationQuery;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ModelFileTest {

    @TempDir
    Path dir;

    @Test
    void roundTripsEveryPartAndGivesTheSameRecommendations() throws IOException {
        Interactions data = Interactions.builder()
                .add("ann", "a", 3).add("ann", "b", 1).add("bob", "b", 7).add("bob", "c", 2)
                .add("cat", "a", 1).add("cat", "c", 4).add("dan", "d", 2).add("dan", "a", 9)
                .dislike("bob", "d").build();
        AlsModel als = new AlsTrainer(AlsConfig.defaults().withFactors(4).withIterations(3).withThreads(1)).train(data);
        ItemKnnModel knn = new ItemKnnTrainer(ItemKnnConfig.defaults().withThreads(1)).train(data);
        ContentModel content = ContentModel.of(Map.of("a", new float[] {1, 0}, "b", new float[] {0.5f, 0.5f},
                "c", new float[] {0, 1}, "e", new float[] {0.2f, 0.9f}), List.of("calm", "loud"), true);
        HybridWeights weights = new HybridWeights(0.7, 0.2, 0.1, 0.01, 0.5);
        ModelBundle bundle = new ModelBundle(Optional.of(als), Optional.of(knn), Optional.of(content), weights);

        Path file = dir.resolve("models/model.etm");
        ModelFile.write(file, bundle);
        ModelBundle back = ModelFile.read(file);

        assertThat(back.weights()).isEqualTo(weights);
        assertThat(back.als().orElseThrow().userFactors()).containsExactly(als.userFactors());
        assertThat(back.als().orElseThrow().itemFactors()).containsExactly(als.itemFactors());
        assertThat(back.als().orElseThrow().config().alpha()).isEqualTo(als.config().alpha());
        assertThat(back.als().orElseThrow().users().ids()).isEqualTo(als.users().ids());
        assertThat(back.itemKnn().orElseThrow().neighbours().cols()).containsExactly(knn.neighbours().cols());
        assertThat(back.content().orElseThrow().embedTarget(new float[] {0.3f, 0.8f}))
                .containsExactly(content.embedTarget(new float[] {0.3f, 0.8f}));
        RecommendationQuery q = RecommendationQuery.forUser("ann").target(new float[] {0, 1}).count(3).build();
        assertThat(back.recommender(data).recommend(q)).isEqualTo(bundle.recommender(data).recommend(q));
        try (var files = Files.list(file.getParent())) {
            assertThat(files).containsExactly(file);
        }
    }

    @Test
    void roundTripsAnEaseModel() throws IOException {
        Interactions data = Interactions.builder()
                .add("ann", "a", 3).add("ann", "b", 1).add("bob", "b", 7).add("bob", "c", 2)
                .add("cat", "a", 1).add("cat", "c", 4).build();
        EaseModel ease = new EaseTrainer(EaseConfig.defaults().withMinUsers(1).withRegularization(1).withThreads(1))
                .train(data);
        HybridWeights weights = new HybridWeights(0, 0, 0, 0.1, 1, 1.5);
        ModelBundle bundle = new ModelBundle(Optional.empty(), Optional.empty(), Optional.empty(), Optional.of(ease),
                weights);
        Path file = dir.resolve("ease.etm");
        ModelFile.write(file, bundle);
        ModelBundle back = ModelFile.read(file);
        assertThat(back.weights()).isEqualTo(weights);
        assertThat(back.ease().orElseThrow().items().ids()).isEqualTo(ease.items().ids());
        assertThat(back.ease().orElseThrow().weight(0, 1)).isEqualTo(ease.weight(0, 1));
        RecommendationQuery q = RecommendationQuery.forUser("ann").count(2).build();
        assertThat(back.recommender(data).recommend(q)).isEqualTo(bundle.recommender(data).recommend(q));
    }

    @Test
    void readsVersionOneFilesWrittenBeforeEase() throws IOException {
        Path file = dir.resolve("v1.etm");
        try (DataOutputStream out = new DataOutputStream(Files.newOutputStream(file))) {
            out.writeInt(ModelFile.MAGIC);
            out.writeInt(1);
            for (double w : new double[] {0.7, 0.2, 0.1, 0.01, 0.5}) {
                out.writeDouble(w);
            }
            out.writeInt(0);
        }
        ModelBundle back = ModelFile.read(file);
        assertThat(back.weights()).isEqualTo(new HybridWeights(0.7, 0.2, 0.1, 0.01, 0.5));
        assertThat(back.ease()).isEmpty();
    }

    @Test
    void rejectsFilesThatAreNotModels() throws IOException {
        Path file = dir.resolve("junk.etm");
        Files.writeString(file, "definitely not a model");
        assertThatThrownBy(() -> ModelFile.read(file)).isInstanceOf(IOException.class).hasMessageContaining("magic");
    }
}
