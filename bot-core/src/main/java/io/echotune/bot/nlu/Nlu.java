package io.echotune.bot.nlu;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.concurrent.CompletableFuture;
import opennlp.tools.doccat.DocumentSample;

/**
 * Natural-language understanding for music chat: one call gives the intent (with confidence), the
 * sentiment and the entities of a message. Every model is trained at start-up from files in
 * {@code nlu/}; nothing is downloaded. Instances are immutable and safe to share between threads.
 */
public final class Nlu {

    /** Below this probability the best intent is not trusted and the message is read as out of scope. */
    public static final double MIN_CONFIDENCE = 0.5;

    private final EntityExtractor extractor;
    private final IntentClassifier intents;
    private final SentimentClassifier sentiment;

    private Nlu(EntityExtractor extractor, IntentClassifier intents, SentimentClassifier sentiment) {
        this.extractor = extractor;
        this.intents = intents;
        this.sentiment = sentiment;
    }

    /** Builds the gazetteer from the catalog's names and trains the intent and sentiment models. */
    public static Nlu train(CatalogVocabulary vocabulary) {
        MusicLexicon lexicon = MusicLexicon.builtIn();
        java.util.function.Supplier<List<IntentClassifier.Example>> intentExamples =
                () -> IntentClassifier.readTrainingFile(IntentClassifier.TRAINING_FILE);
        // the two models and the gazetteer do not depend on each other: build them side by side
        CompletableFuture<SentimentClassifier> sentiment = CompletableFuture.supplyAsync(
                () -> SentimentClassifier.train(() -> sentimentExamples(intentExamples.get())));
        // intent features use only the fixed lexicon, so training does not depend on the catalog given
        EntityExtractor lexiconOnly = new EntityExtractor(CatalogVocabulary.EMPTY, lexicon);
        CompletableFuture<EntityExtractor> extractor = CompletableFuture.supplyAsync(
                () -> new EntityExtractor(vocabulary, lexicon));
        IntentClassifier intents = IntentClassifier.train(intentExamples, text -> featurize(text, lexiconOnly));
        return new Nlu(extractor.join(), intents, sentiment.join());
    }

    /** Reads one message. {@code context} says what came just before it; use {@link NluContext#EMPTY} if nothing. */
    public Understanding understand(String text, NluContext context) {
        NluContext ctx = context == null ? NluContext.EMPTY : context;
        MessageText message = MessageText.of(text);
        // nothing but spaces or punctuation: nothing to act on (emoji alone still carry feedback)
        if (message.words().isEmpty() && message.tokens().stream().noneMatch(MessageText::isEmoji)) {
            return new Understanding(Intent.OUT_OF_SCOPE, 0.0, Sentiment.NEUTRAL, Entities.NONE);
        }
        boolean[] names = new boolean[message.size()];
        Entities entities = extractor.extract(message, names);
        // catalog names found in the message read as <name>, like the unknown words of the training data
        double[] p = intents.probabilities(ChatVocabulary.builtIn().modelTokens(message, names),
                Map.of(TextFeatures.FLAGS, flags(entities)));
        Sentiment feeling = sentiment.classify(message);
        IntentDecision decision = ContextRules.decide(p, message, entities, feeling, ctx);
        Entities finalEntities = withOrdinalFor(decision.intent(), message, entities);
        return new Understanding(decision.intent(), decision.confidence(), feeling, finalEntities);
    }

    /** The intent probabilities alone, for evaluation tools. */
    double[] intentProbabilities(String text) {
        MessageText message = MessageText.of(text);
        boolean[] names = new boolean[message.size()];
        Entities entities = extractor.extract(message, names);
        return intents.probabilities(ChatVocabulary.builtIn().modelTokens(message, names),
                Map.of(TextFeatures.FLAGS, flags(entities)));
    }

    /** The chosen intent and how sure the NLU is of it. */
    record IntentDecision(Intent intent, double confidence) {
    }

    private static Entities withOrdinalFor(Intent intent, MessageText message, Entities entities) {
        boolean aboutAShownTrack = intent == Intent.FEEDBACK_POSITIVE || intent == Intent.FEEDBACK_NEGATIVE
                || intent == Intent.EXPLAIN;
        if (entities.ordinal().isEmpty() && aboutAShownTrack && EntityExtractor.mentionsDemonstrative(message)) {
            return entities.withOrdinal(OptionalInt.of(0));
        }
        return entities;
    }

    static DocumentSample featurize(String text, EntityExtractor extractor) {
        MessageText message = MessageText.of(text);
        Entities entities = extractor.extract(message);
        Map<String, Object> extra = new HashMap<>();
        extra.put(TextFeatures.FLAGS, flags(entities));
        return new DocumentSample("?", classifierTokens(message), extra);
    }

    /** What the intent model reads: see {@link ChatVocabulary#modelTokens}. */
    static String[] classifierTokens(MessageText message) {
        return ChatVocabulary.builtIn().modelTokens(message);
    }

    /** Entity flags the intent model may use. Catalog names are left out on purpose: they change with the catalog. */
    static List<String> flags(Entities e) {
        List<String> flags = new ArrayList<>(6);
        if (!e.genres().isEmpty()) {
            flags.add("genre");
        }
        if (!e.moods().isEmpty()) {
            flags.add("mood");
        }
        if (!e.activities().isEmpty()) {
            flags.add("activity");
        }
        if (e.era().isPresent()) {
            flags.add("era");
        }
        if (e.count().isPresent()) {
            flags.add("count");
        }
        if (e.playlistName().isPresent()) {
            flags.add("name");
        }
        if (e.ordinal().isPresent()) {
            flags.add("ordinal");
        }
        if (e.refersToPrevious()) {
            flags.add("refers");
        }
        return flags;
    }

    static List<SentimentClassifier.Example> sentimentExamples(List<IntentClassifier.Example> intentExamples) {
        List<SentimentClassifier.Example> examples = new ArrayList<>(SentimentClassifier.readShippedData());
        // feedback messages are labelled by their intent; plain requests are neutral
        int neutral = 0;
        for (IntentClassifier.Example e : intentExamples) {
            switch (e.intent()) {
                case FEEDBACK_POSITIVE -> examples.add(new SentimentClassifier.Example("positive", e.text()));
                case FEEDBACK_NEGATIVE -> examples.add(new SentimentClassifier.Example("negative", e.text()));
                case SEARCH, BUILD_PLAYLIST, SAVE_PLAYLIST, LINK_SPOTIFY, LISTENING_STATS, HELP, EXPLAIN -> {
                    if (neutral++ % 2 == 0) {
                        examples.add(new SentimentClassifier.Example("neutral", e.text()));
                    }
                }
                default -> { }
            }
        }
        return examples;
    }
}
