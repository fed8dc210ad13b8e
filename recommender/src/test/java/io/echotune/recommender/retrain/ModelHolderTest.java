package io.echotune.recommender.retrain;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ModelHolderTest {

    @Test
    void swapsInANewlyTrainedModel() {
        ModelHolder<String> holder = new ModelHolder<>("v1");
        ModelHolder.Outcome o = holder.retrain(() -> "v2");
        assertThat(o.swapped()).isTrue();
        assertThat(holder.current()).contains("v2");
        assertThat(holder.version()).isEqualTo(2);
    }

    @Test
    void keepsTheLastGoodModelWhenTrainingFails() {
        ModelHolder<String> holder = new ModelHolder<>("good");
        ModelHolder.Outcome o = holder.retrain(() -> {
            throw new IllegalStateException("data store down");
        });
        assertThat(o.swapped()).isFalse();
        assertThat(o.failure()).hasValueSatisfying(f -> assertThat(f).contains("data store down"));
        assertThat(holder.current()).contains("good");
        assertThat(holder.lastOutcome()).contains(o);
    }

    @Test
    void keepsTheLastGoodModelWhenTheNewOneIsRejected() {
        ModelHolder<String> holder = new ModelHolder<>("good");
        assertThat(holder.retrain(() -> "", s -> !s.isEmpty()).swapped()).isFalse();
        assertThat(holder.current()).contains("good");
        assertThat(holder.version()).isEqualTo(1);
    }

    @Test
    void startsEmptyUntilTheFirstModel() {
        ModelHolder<String> holder = new ModelHolder<>();
        assertThat(holder.current()).isEmpty();
        holder.swap("first");
        assertThat(holder.current()).contains("first");
    }
}
