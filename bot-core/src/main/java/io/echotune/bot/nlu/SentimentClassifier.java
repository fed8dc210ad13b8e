package io.echotune.bot.nlu;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import opennlp.tools.doccat.BagOfWordsFeatureGenerator;
import opennlp.tools.doccat.DocumentSample;
import opennlp.tools.doccat.FeatureGenerator;
import opennlp.tools.doccat.NGramFeatureGenerator;
import opennlp.tools.util.InvalidFormatException;
import opennlp.tools.util.TrainingParameters;

/**
 * Three-way sentiment (positive, neutral, negative) from an OpenNLP maximum-entropy categorizer trained
 * on real labelled review sentences ({@code nlu/sentiment-reviews.tsv}, see SENTIMENT-DATA.md) plus
 * hand-written music-chat messages ({@code nlu/sentiment-chat.tsv}).
 */
final class SentimentClassifier {

    static final String REVIEWS_FILE = "nlu/sentiment-reviews.tsv";
    static final String CHAT_FILE = "nlu/sentiment-chat.tsv";
    private static final Set<String> NEGATORS = Set.of("not", "no", "never", "nothing", "nobody", "neither", "nor",
            "hardly", "barely", "cannot", "without");
    private static final Set<String> CLAUSE_ENDS = Set.of(".", ",", "!", "?", ";", ":", "but");

    private final TrainedCategorizer categorizer;
    private final int positive;
    private final int negative;
    private final int neutral;

    private SentimentClassifier(TrainedCategorizer categorizer) {
        this.categorizer = categorizer;
        this.positive = categorizer.index("positive");
        this.negative = categorizer.index("negative");
        this.neutral = categorizer.index("neutral");
    }

    /** A labelled sentence: "positive", "negative" or "neutral". */
    record Example(String polarity, String text) {
    }

    static List<Example> readShippedData() {
        List<Example> examples = new ArrayList<>();
        for (String[] row : MusicLexicon.rows(REVIEWS_FILE)) {
            examples.add(new Example(row[0], row[row.length - 1]));
        }
        for (String[] row : MusicLexicon.rows(CHAT_FILE)) {
            examples.add(new Example(row[0], row[1]));
        }
        return examples;
    }

    static SentimentClassifier train(java.util.function.Supplier<List<Example>> examples) {
        return train(examples, "sentiment");
    }

    /** {@code cacheName} null trains without the {@link ModelCache} (cross-validation folds). */
    static SentimentClassifier train(java.util.function.Supplier<List<Example>> examples, String cacheName) {
        TrainingParameters params = IntentClassifier.trainingParameters();
        try {
            FeatureGenerator[] features = {new BagOfWordsFeatureGenerator(), new NGramFeatureGenerator(2, 2)};
            return new SentimentClassifier(TrainedCategorizer.trainOrLoad(cacheName, () -> {
                List<DocumentSample> samples = new ArrayList<>();
                for (Example e : examples.get()) {
                    samples.add(new DocumentSample(e.polarity(), tokens(MessageText.of(e.text()))));
                }
                return samples;
            }, params, features));
        } catch (InvalidFormatException e) {
            throw new IllegalStateException(e);
        }
    }

    Sentiment classify(MessageText text) {
        double[] p = categorizer.probabilities(tokens(text), java.util.Map.of());
        double pos = p[positive];
        double neg = p[negative];
        double neu = neutral >= 0 ? p[neutral] : 0.0;
        double score = Math.max(-1.0, Math.min(1.0, pos - neg));
        Polarity polarity;
        if (neu >= pos && neu >= neg) {
            polarity = Polarity.NEUTRAL;
        } else {
            polarity = pos >= neg ? Polarity.POSITIVE : Polarity.NEGATIVE;
        }
        return new Sentiment(polarity, score);
    }

    /**
     * Folded tokens with negation marked: in "not good at all" every word up to the end of the clause
     * becomes "NOT_good", so "good" and "not good" pull opposite ways.
     */
    static String[] tokens(MessageText text) {
        List<String> out = new ArrayList<>(text.size());
        boolean negated = false;
        for (String t : text.folded()) {
            if (CLAUSE_ENDS.contains(t)) {
                negated = false;
                out.add(t);
                continue;
            }
            out.add(negated && MessageText.isWord(t) ? "NOT_" + t : t);
            if (NEGATORS.contains(t) || t.endsWith("n't")) {
                negated = true;
            }
        }
        return out.toArray(String[]::new);
    }
}
