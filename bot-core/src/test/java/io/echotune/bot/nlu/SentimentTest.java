package io.echotune.bot.nlu;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SentimentTest {

    private final Nlu nlu = TestNlu.get();

    @ParameterizedTest
    @ValueSource(strings = {"I'm so stressed", "had an awful day", "this song is terrible", "I hate this playlist",
            "ugh, worst recommendations ever", "I feel lonely and miserable tonight", "that was boring 👎"})
    void clearlyNegative(String text) {
        Sentiment s = nlu.understand(text, NluContext.EMPTY).sentiment();
        assertThat(s.polarity()).as(text).isEqualTo(Polarity.NEGATIVE);
        assertThat(s.score()).as(text).isLessThan(-0.3);
    }

    @ParameterizedTest
    @ValueSource(strings = {"I love this song!", "this playlist is amazing", "great pick, thank you so much",
            "I'm in such a good mood today", "wow, beautiful 😍", "perfect, exactly what I wanted"})
    void clearlyPositive(String text) {
        Sentiment s = nlu.understand(text, NluContext.EMPTY).sentiment();
        assertThat(s.polarity()).as(text).isEqualTo(Polarity.POSITIVE);
        assertThat(s.score()).as(text).isGreaterThan(0.3);
    }

    @ParameterizedTest
    @ValueSource(strings = {"play some jazz", "make a playlist of 15 songs", "connect my spotify",
            "what have I been listening to", "find Blinding Lights"})
    void plainRequestsAreNeutral(String text) {
        Sentiment s = nlu.understand(text, NluContext.EMPTY).sentiment();
        assertThat(s.polarity()).as(text).isEqualTo(Polarity.NEUTRAL);
        assertThat(s.score()).isBetween(-1.0, 1.0);
    }

    @ParameterizedTest
    @ValueSource(strings = {"not good at all", "I don't like it"})
    void negationTurnsPraiseAround(String text) {
        assertThat(nlu.understand(text, NluContext.EMPTY).sentiment().polarity()).as(text)
                .isEqualTo(Polarity.NEGATIVE);
    }
}
