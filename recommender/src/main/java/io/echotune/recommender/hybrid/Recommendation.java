package io.echotune.recommender.hybrid;

/** One recommended item with its blended score (higher is better) and why it was chosen. */
public record Recommendation(String itemId, double score, Explanation explanation) {
}
