package io.echotune.bot.nlu;

/**
 * What the NLU made of one message. {@code confidence} is the intent model's probability for
 * {@code intent} (0..1); when nothing scored at least {@link Nlu#MIN_CONFIDENCE} the intent is
 * {@link Intent#OUT_OF_SCOPE} and the confidence is the best score it had, so a caller can tell a
 * clear "not about music" (high) from "could not tell" (low) and ask a clarifying question.
 */
public record Understanding(Intent intent, double confidence, Sentiment sentiment, Entities entities) {
}
