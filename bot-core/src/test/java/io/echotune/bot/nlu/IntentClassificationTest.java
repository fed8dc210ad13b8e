package io.echotune.bot.nlu;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class IntentClassificationTest {

    private final Nlu nlu = TestNlu.get();

    @ParameterizedTest(name = "{1} -> {0}")
    @CsvSource(delimiter = '|', textBlock = """
            greet             | hey there, how's it going?
            greet             | well good morning to you, echotune
            help              | what sort of stuff can you do?
            help              | how am I meant to use this
            search            | play Levitating by Dua Lipa
            search            | put on some Metallica
            search            | find me Get Lucky
            recommend         | something calm to study to
            recommend         | more like Daft Punk
            recommend         | I'm feeling down, put on something to lift me up
            recommend         | what would you suggest for a long drive at night
            build_playlist    | make a playlist of 20 upbeat songs called Run Club
            build_playlist    | put together a party mix with thirty songs
            save_playlist     | save it to spotify
            save_playlist     | can you export this playlist to my account
            feedback_positive | I love the second one
            feedback_positive | great pick, thanks!
            feedback_negative | skip the third, I hate it
            feedback_negative | nope, not this one
            explain           | why did you pick that?
            explain           | what made you choose the last song
            listening_stats   | what have I been listening to
            listening_stats   | show me my top tracks this year
            link_spotify      | connect my spotify account
            link_spotify      | I want to sign in with spotify
            out_of_scope      | what's the weather in Madrid tomorrow
            out_of_scope      | find a sushi restaurant near me
            out_of_scope      | recommend a good book on history
            out_of_scope      | what film should I watch tonight
            out_of_scope      | what is 12 times 13
            out_of_scope      | how do I fix a null pointer exception in java
            out_of_scope      | what's in the news this morning
            """)
    void readsEachIntent(String label, String text) {
        assertThat(trainingTexts()).as("test message must not be training data").doesNotContain(MessageText.key(text));
        Understanding u = nlu.understand(text, NluContext.EMPTY);
        assertThat(u.intent().label()).as(text).isEqualTo(label);
        assertThat(u.confidence()).isBetween(Nlu.MIN_CONFIDENCE, 1.0);
    }

    /** Unknown words may be a name ("play xqzt" is a search); only messages with nothing in them are out of scope. */
    @Test
    void emptyMessagesAreNeverAnAction() {
        for (String text : List.of("???", "", "   ", "...", "!!")) {
            Understanding u = nlu.understand(text, NluContext.EMPTY);
            assertThat(u.intent()).as(text).isEqualTo(Intent.OUT_OF_SCOPE);
        }
    }

    @Test
    void readsTyposAndLowerCase() {
        assertThat(nlu.understand("recomend me some chil musik", NluContext.EMPTY).intent()).isEqualTo(Intent.RECOMMEND);
        assertThat(nlu.understand("conect my spotfy", NluContext.EMPTY).intent()).isEqualTo(Intent.LINK_SPOTIFY);
        assertThat(nlu.understand("mak a plalyist for the gym", NluContext.EMPTY).intent())
                .isEqualTo(Intent.BUILD_PLAYLIST);
    }

    @Test
    void heldOutAccuracyMeetsTheTarget() {
        List<IntentEvaluation.Labelled> heldOut = IntentEvaluation.parse(
                TestNlu.resourceLines("/nlu/intents-heldout.tsv"));
        Set<String> training = trainingTexts();
        assertThat(heldOut).hasSizeGreaterThan(200);
        assertThat(heldOut).as("held-out messages must never be training data")
                .noneMatch(l -> !MessageText.key(l.text()).isEmpty() && training.contains(MessageText.key(l.text())));

        IntentEvaluation result = IntentEvaluation.run(nlu, heldOut, null);

        assertThat(result.accuracy()).as("accuracy; mistakes: %s", result.mistakes()).isGreaterThanOrEqualTo(0.97);
        assertThat(result.macroF1()).as("macro-F1; mistakes: %s", result.mistakes()).isGreaterThanOrEqualTo(0.95);
    }

    @Test
    void intentLabelsRoundTrip() {
        for (Intent intent : Intent.values()) {
            assertThat(Intent.fromLabel(intent.label())).contains(intent);
        }
        assertThat(Intent.BUILD_PLAYLIST.label()).isEqualTo("build_playlist");
        assertThat(Intent.fromLabel("no_such_intent")).isEmpty();
    }

    @Test
    void isSafeToShareBetweenThreads() throws Exception {
        List<String> texts = List.of("play Blinding Lights", "save it", "why this one?", "80s rock please",
                "I hate the first one", "make a playlist of 12 songs called Zen");
        List<Understanding> expected = texts.stream().map(t -> nlu.understand(t, NluContext.EMPTY)).toList();
        List<Thread> threads = new java.util.ArrayList<>();
        java.util.concurrent.atomic.AtomicInteger mismatches = new java.util.concurrent.atomic.AtomicInteger();
        for (int t = 0; t < 4; t++) {
            threads.add(Thread.ofPlatform().start(() -> {
                for (int round = 0; round < 200; round++) {
                    for (int i = 0; i < texts.size(); i++) {
                        if (!nlu.understand(texts.get(i), NluContext.EMPTY).equals(expected.get(i))) {
                            mismatches.incrementAndGet();
                        }
                    }
                }
            }));
        }
        for (Thread thread : threads) {
            thread.join();
        }
        assertThat(mismatches).hasValue(0);
    }

    private static Set<String> trainingTexts() {
        Set<String> keys = new HashSet<>();
        for (IntentClassifier.Example e : IntentClassifier.readTrainingFile(IntentClassifier.TRAINING_FILE)) {
            keys.add(MessageText.key(e.text()));
        }
        return keys;
    }
}
