package io.echotune.music.recommend;

import io.echotune.music.catalog.Track;

/** A recommended track, its score in [0,1] and why it was picked, in words a person reads. */
public record RecommendedTrack(Track track, double score, String reason) {
}
