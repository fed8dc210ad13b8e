package io.echotune.recommender.hybrid;

import java.util.List;

/**
 * Why an item was recommended, in structured form; callers turn it into text such as
 * "because you played X" or "matches: calm, acoustic".
 *
 * @param kind         which signal mostly produced the recommendation
 * @param seedItemIds  the items the recommendation leans on (played items or chat seeds), strongest first
 * @param featureNames the content features that match best (for {@link Kind#MATCHES_FEATURES})
 */
public record Explanation(Kind kind, List<String> seedItemIds, List<String> featureNames) {

    public enum Kind {
        /** Similar to items in the user's own listening history. */
        BECAUSE_YOU_PLAYED,
        /** Similar to the seed items named in this request (e.g. from the chat). */
        SIMILAR_TO_SEEDS,
        /** Its features match the user's profile or the requested target (mood, genre). */
        MATCHES_FEATURES,
        /** Liked by listeners with a similar taste, without one clear anchor item. */
        LISTENERS_LIKE_YOU,
        /** Popular overall; used when nothing is known about the listener. */
        POPULAR
    }

    public Explanation {
        seedItemIds = List.copyOf(seedItemIds);
        featureNames = List.copyOf(featureNames);
    }

    public static Explanation popular() {
        return new Explanation(Kind.POPULAR, List.of(), List.of());
    }
}
