package io.echotune.music.history;

/** What a listening-history entry records. Likes and dislikes come from chat feedback; plays from imports. */
public enum FeedbackKind {
    PLAY(1.0), LIKE(3.0), DISLIKE(-3.0), SKIP(-0.5);

    private final double weight;

    FeedbackKind(double weight) {
        this.weight = weight;
    }

    /** Implicit-feedback weight the recommender gives this kind of event. */
    public double weight() {
        return weight;
    }
}
