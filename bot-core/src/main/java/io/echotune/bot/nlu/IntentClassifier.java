package io.echotune.bot.nlu;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import opennlp.tools.doccat.BagOfWordsFeatureGenerator;
import opennlp.tools.doccat.DocumentSample;
import opennlp.tools.doccat.FeatureGenerator;
import opennlp.tools.doccat.NGramFeatureGenerator;
import opennlp.tools.ml.maxent.quasinewton.QNTrainer;
import opennlp.tools.util.InvalidFormatException;
import opennlp.tools.util.TrainingParameters;

/**
 * The OpenNLP maximum-entropy document categorizer that maps a message to an {@link Intent}, trained
 * from {@code nlu/intents-train.tsv}. Features: bag of words, word bi- and trigrams, character 4-grams,
 * first/last word, and the entity flags.
 */
final class IntentClassifier {

    static final String TRAINING_FILE = "nlu/intents-train.tsv";
    private static final int ITERATIONS = 100;

    private final TrainedCategorizer categorizer;
    private final Intent[] intentByIndex;

    private IntentClassifier(TrainedCategorizer categorizer) {
        this.categorizer = categorizer;
        this.intentByIndex = new Intent[categorizer.outcomes()];
        for (int i = 0; i < intentByIndex.length; i++) {
            intentByIndex[i] = Intent.fromLabel(categorizer.outcome(i))
                    .orElseThrow(() -> new IllegalStateException("unknown intent label in model"));
        }
    }

    /** A message of the training data: its intent and text. */
    record Example(Intent intent, String text) {
    }

    static List<Example> readTrainingFile(String resource) {
        List<Example> examples = new ArrayList<>();
        for (String line : MusicLexicon.lines(resource)) {
            int tab = line.indexOf('\t');
            if (tab < 0) {
                continue;
            }
            Intent intent = Intent.fromLabel(line.substring(0, tab))
                    .orElseThrow(() -> new IllegalStateException("unknown intent in " + resource + ": " + line));
            examples.add(new Example(intent, line.substring(tab + 1)));
        }
        return examples;
    }

    /** {@code featurize} turns a text into the tokens and flags the model reads. */
    static IntentClassifier train(java.util.function.Supplier<List<Example>> examples,
                                  java.util.function.Function<String, DocumentSample> featurize) {
        return new IntentClassifier(TrainedCategorizer.trainOrLoad("intents", () -> {
            List<DocumentSample> samples = new ArrayList<>();
            for (Example example : examples.get()) {
                DocumentSample s = featurize.apply(example.text());
                samples.add(new DocumentSample(example.intent().label(), s.getText(), s.getExtraInformation()));
            }
            return samples;
        }, trainingParameters(), featureGenerators()));
    }

    /**
     * L-BFGS maximum entropy with L2 regularisation: it converges in far fewer passes than GIS, and its
     * probabilities are calibrated well enough to be used as the confidence (GIS at the same time budget
     * left them flat, perceptron scores are not probabilities at all).
     */
    static TrainingParameters trainingParameters() {
        TrainingParameters params = TrainingParameters.defaultParams();
        params.put(TrainingParameters.ALGORITHM_PARAM, QNTrainer.MAXENT_QN_VALUE);
        params.put(TrainingParameters.ITERATIONS_PARAM, ITERATIONS);
        params.put(TrainingParameters.CUTOFF_PARAM, 1);
        params.put(QNTrainer.L1COST_PARAM, 0.0);
        params.put(QNTrainer.L2COST_PARAM, 0.1);
        // five remembered updates instead of fifteen: a third of the work per step for over a million weights,
        // and the held-out scores did not drop
        params.put(QNTrainer.M_PARAM, 5);
        // the gradient is summed over the training messages in parallel: start-up time on a two-core machine
        params.put(QNTrainer.THREADS_PARAM, Math.min(2, Runtime.getRuntime().availableProcessors()));
        return params;
    }

    static FeatureGenerator[] featureGenerators() {
        try {
            return new FeatureGenerator[] {
                new BagOfWordsFeatureGenerator(),
                new NGramFeatureGenerator(2, 3),
                new TextFeatures.CharacterNGrams(),
                new TextFeatures.Edges(),
                new TextFeatures.EntityFlags()
            };
        } catch (InvalidFormatException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Probability of each intent, indexed by {@link Intent#ordinal()}. */
    double[] probabilities(String[] tokens, Map<String, Object> extra) {
        double[] raw = categorizer.probabilities(tokens, extra);
        double[] byIntent = new double[Intent.values().length];
        for (int i = 0; i < raw.length; i++) {
            byIntent[intentByIndex[i].ordinal()] = raw[i];
        }
        return byIntent;
    }
}
