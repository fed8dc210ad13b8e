package io.echotune.bot.nlu;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import opennlp.tools.doccat.DoccatFactory;
import opennlp.tools.doccat.DoccatModel;
import opennlp.tools.doccat.DocumentCategorizerME;
import opennlp.tools.doccat.DocumentSample;
import opennlp.tools.doccat.FeatureGenerator;
import opennlp.tools.ml.model.MaxentModel;
import opennlp.tools.util.ObjectStreamUtils;
import opennlp.tools.util.TrainingParameters;

/**
 * An OpenNLP document-categorizer model kept in memory together with the feature generators it was
 * trained with. {@link DocumentCategorizerME} would re-create the generators by class name, which only
 * works for public top-level classes; scoring through the trained {@link MaxentModel} with the same
 * generator instances gives the same result. Both are stateless, so one instance serves every thread.
 */
final class TrainedCategorizer {

    private final MaxentModel model;
    private final FeatureGenerator[] features;

    private TrainedCategorizer(MaxentModel model, FeatureGenerator[] features) {
        this.model = model;
        this.features = features;
    }

    /**
     * The model called {@code name} from the {@link ModelCache} when its inputs have not changed, else
     * trained from {@code samples} (only then built) and cached; a null name always trains and caches nothing.
     */
    static TrainedCategorizer trainOrLoad(String name, Supplier<List<DocumentSample>> samples,
                                          TrainingParameters params, FeatureGenerator[] features) {
        Optional<MaxentModel> cached = name == null ? Optional.empty() : ModelCache.load(name);
        if (cached.isPresent()) {
            return new TrainedCategorizer(cached.get(), features);
        }
        try {
            DoccatModel doccat = DocumentCategorizerME.train("en", ObjectStreamUtils.createObjectStream(samples.get()),
                    params, new DoccatFactory(features));
            if (name != null) {
                ModelCache.store(name, doccat.getMaxentModel());
            }
            return new TrainedCategorizer(doccat.getMaxentModel(), features);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot train the " + name + " model", e);
        }
    }

    /** Probability of each outcome, indexed as {@link #outcome(int)}. */
    double[] probabilities(String[] tokens, Map<String, Object> extra) {
        List<String> context = new ArrayList<>();
        for (FeatureGenerator generator : features) {
            context.addAll(generator.extractFeatures(tokens, extra));
        }
        return model.eval(context.toArray(String[]::new));
    }

    int outcomes() {
        return model.getNumOutcomes();
    }

    String outcome(int index) {
        return model.getOutcome(index);
    }

    /** Index of an outcome, or -1 when the training data had no such label. */
    int index(String outcome) {
        return model.getIndex(outcome);
    }
}
