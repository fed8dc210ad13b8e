package io.echotune.bot.nlu;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;

import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Coverage-guided fuzzing (Jazzer) of the understanding step: whatever text and context arrive, {@code understand}
 * returns a well-formed answer and never throws. CI fuzzes a bounded number of executions (surefire sets
 * {@code JAZZER_FUZZ=1}); crashing inputs are written under {@code src/test/resources/.../NluFuzzTestInputs} and are
 * then replayed by every later run.
 */
class NluFuzzTest {

    @FuzzTest(maxExecutions = 100_000)
    void understandAlwaysReturnsAWellFormedAnswer(FuzzedDataProvider data) {
        Intent previous = data.pickValue(Intent.values());
        int shown = data.consumeInt(0, 50);
        NluContext context = data.consumeBoolean() ? NluContext.EMPTY : new NluContext(Optional.of(previous), shown);
        String text = data.consumeRemainingAsString();

        Understanding u = TestNlu.get().understand(text, context);

        assertThat(u.intent()).isNotNull();
        assertThat(u.confidence()).isBetween(0.0, 1.0);
        assertThat(u.sentiment().score()).isBetween(-1.0, 1.0);
        assertThat(u.entities().count()).satisfiesAnyOf(c -> assertThat(c).isEmpty(), c -> assertThat(c.getAsInt()).isPositive());
        u.entities().ordinal().ifPresent(o -> assertThat(o).isBetween(-1, Math.max(shown, 1000)));
    }
}
