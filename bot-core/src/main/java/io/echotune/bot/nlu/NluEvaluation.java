package io.echotune.bot.nlu;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * Command-line evaluation of the intent model on a TSV file of {@code intent<TAB>utterance} lines:
 * prints accuracy, macro-F1, a per-intent table, the confusion matrix and the mean latency per message.
 * <pre>./mvnw -q -pl bot-core exec:java -Dexec.args="path/to/file.tsv"</pre>
 * The NLU is built with the full shipped catalog, as the running server builds it. Add {@code --errors}
 * after the path to list every misclassified message.
 */
public final class NluEvaluation {

    private NluEvaluation() {
    }

    public static void main(String[] args) throws IOException {
        // before any logger exists: keep OpenNLP's per-iteration training log out of the report
        if (System.getProperty("logback.configurationFile") == null) {
            System.setProperty("logback.configurationFile", "nlu/logback-evaluation.xml");
        }
        if (args.length == 0 || args[0].isBlank()) {
            System.err.println("usage: NluEvaluation <file.tsv> [--errors]   (lines: intent<TAB>utterance)");
            System.exit(2);
        }
        Path file = Path.of(args[0]);
        if (!Files.isReadable(file)) {
            System.err.println("cannot read " + file.toAbsolutePath() + ": give a TSV file of intent<TAB>utterance lines");
            System.exit(2);
        }
        List<IntentEvaluation.Labelled> examples;
        try {
            examples = IntentEvaluation.parse(Files.readAllLines(file, StandardCharsets.UTF_8));
        } catch (IllegalArgumentException e) {
            System.err.println(file + ": " + e.getMessage());
            System.exit(2);
            return;
        }
        System.out.println("reading the shipped catalog ...");
        CatalogVocabulary vocabulary = CatalogCsv.shipped(0);
        System.out.printf(Locale.ROOT, "training the NLU (%d artists, %d titles, %d genres) ...%n",
                vocabulary.artists().size(), vocabulary.trackTitles().size(), vocabulary.genres().size());
        long start = System.nanoTime();
        Nlu nlu = Nlu.train(vocabulary);
        System.out.printf(Locale.ROOT, "trained in %.2f s%n", (System.nanoTime() - start) / 1e9);
        System.out.printf("evaluating %d messages from %s%n%n", examples.size(), file);
        IntentEvaluation result = IntentEvaluation.run(nlu, examples, System.out);
        result.print(System.out);
        if (List.of(args).contains("--errors")) {
            System.out.println();
            System.out.println("misclassified (expected -> predicted, confidence, message)");
            result.mistakes().forEach(System.out::println);
        }
    }
}
