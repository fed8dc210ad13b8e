package io.echotune.channels.common;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

class MessageChunksTest {

    @Test
    void splitsAtLineEndsUnderTheLimitAndLosesNothing() {
        String text = IntStream.rangeClosed(1, 200).mapToObj(i -> i + ". Some Track Title — Some Artist").collect(Collectors.joining("\n"));
        List<String> parts = MessageChunks.split(text, 1000);
        assertThat(parts).hasSizeGreaterThan(5).allSatisfy(p -> assertThat(p.length()).isLessThanOrEqualTo(1000));
        assertThat(parts).allSatisfy(p -> assertThat(p).matches("(?s)\\d+\\. .*— Some Artist"));
        assertThat(String.join("\n", parts)).isEqualTo(text);
    }

    @Test
    void cutsAWordlessRunHardWithoutSplittingAnEmoji() {
        String text = "x".repeat(9) + "🎧".repeat(10);
        List<String> parts = MessageChunks.split(text, 10);
        assertThat(String.join("", parts)).isEqualTo(text);
        assertThat(parts).allSatisfy(p -> assertThat(Character.isLowSurrogate(p.charAt(0))).isFalse());
    }

    @Test
    void truncatesAtAWordWithAnEllipsis() {
        assertThat(MessageChunks.truncate("short", 10)).isEqualTo("short");
        String cut = MessageChunks.truncate("the quick brown fox jumps over the lazy dog", 20);
        assertThat(cut).hasSizeLessThanOrEqualTo(20).endsWith("…").isEqualTo("the quick brown fox…");
    }
}
