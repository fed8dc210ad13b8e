package io.echotune.bot.nlu;

/**
 * How a message feels. {@code score} runs from -1 (clearly negative) through 0 to +1 (clearly
 * positive): it is P(positive) - P(negative) from the sentiment model.
 */
public record Sentiment(Polarity polarity, double score) {

    public static final Sentiment NEUTRAL = new Sentiment(Polarity.NEUTRAL, 0.0);

    public Sentiment {
        if (polarity == null) {
            throw new IllegalArgumentException("polarity is required");
        }
        if (Double.isNaN(score) || score < -1.0 || score > 1.0) {
            throw new IllegalArgumentException("score must be in [-1, 1], was " + score);
        }
    }
}
