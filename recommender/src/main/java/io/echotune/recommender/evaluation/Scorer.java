package io.echotune.recommender.evaluation;

/** Scores every item (by dense item index of the training data) for one training user. */
@FunctionalInterface
public interface Scorer {

    /** A fresh array of item scores; higher is better. Training items are masked by the caller. */
    float[] scores(int user);
}
