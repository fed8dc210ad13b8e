package io.echotune.bot.nlu;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Random;

/**
 * Five-fold cross-validation of the sentiment model on its own training data: the labelled review
 * sentences, the hand-written chat messages and the feedback/request messages of the intent data.
 * <pre>./mvnw -q -pl bot-core exec:java -Dexec.mainClass=io.echotune.bot.nlu.SentimentEvaluation</pre>
 */
public final class SentimentEvaluation {

    private static final int FOLDS = 5;

    private SentimentEvaluation() {
    }

    private record Tagged(String source, SentimentClassifier.Example example) {
    }

    public static void main(String[] args) {
        if (System.getProperty("logback.configurationFile") == null) {
            System.setProperty("logback.configurationFile", "nlu/logback-evaluation.xml");
        }
        List<Tagged> all = new ArrayList<>();
        for (String[] row : MusicLexicon.rows(SentimentClassifier.REVIEWS_FILE)) {
            all.add(new Tagged("reviews:" + row[1], new SentimentClassifier.Example(row[0], row[2])));
        }
        for (String[] row : MusicLexicon.rows(SentimentClassifier.CHAT_FILE)) {
            all.add(new Tagged("chat (hand-written)", new SentimentClassifier.Example(row[0], row[1])));
        }
        List<SentimentClassifier.Example> combined = Nlu.sentimentExamples(
                IntentClassifier.readTrainingFile(IntentClassifier.TRAINING_FILE));
        // the combined list starts with the shipped files; the rest comes from the intent data
        for (SentimentClassifier.Example e : combined.subList(all.size(), combined.size())) {
            all.add(new Tagged("intent data", e));
        }
        all = dedupe(all);
        Collections.shuffle(all, new Random(7));
        java.util.Map<String, int[]> bySource = new java.util.TreeMap<>();
        int right = 0;
        for (int fold = 0; fold < FOLDS; fold++) {
            List<SentimentClassifier.Example> train = new ArrayList<>();
            List<Tagged> test = new ArrayList<>();
            for (int i = 0; i < all.size(); i++) {
                if (i % FOLDS == fold) {
                    test.add(all.get(i));
                } else {
                    train.add(all.get(i).example());
                }
            }
            System.out.printf("fold %d/%d: training on %d, testing on %d%n", fold + 1, FOLDS, train.size(), test.size());
            SentimentClassifier model = SentimentClassifier.train(() -> train, null);
            for (Tagged t : test) {
                Sentiment s = model.classify(MessageText.of(t.example().text()));
                boolean ok = s.polarity().name().equalsIgnoreCase(t.example().polarity());
                right += ok ? 1 : 0;
                int[] counts = bySource.computeIfAbsent(t.source(), k -> new int[2]);
                counts[0] += ok ? 1 : 0;
                counts[1]++;
            }
        }
        System.out.println();
        System.out.printf(Locale.ROOT, "%-22s %9s %8s%n", "source", "accuracy", "messages");
        bySource.forEach((source, c) -> System.out.printf(Locale.ROOT, "%-22s %9.3f %8d%n", source,
                (double) c[0] / c[1], c[1]));
        System.out.printf(Locale.ROOT, "%-22s %9.3f %8d%n", "all", (double) right / all.size(), all.size());
    }

    private static List<Tagged> dedupe(List<Tagged> tagged) {
        java.util.Set<String> seen = new java.util.HashSet<>();
        List<Tagged> out = new ArrayList<>();
        for (Tagged t : tagged) {
            if (seen.add(t.example().polarity() + "\t" + t.example().text())) {
                out.add(t);
            }
        }
        return out;
    }
}
