package io.echotune.music.spotify;

import java.time.Duration;

/**
 * What one history import did.
 *
 * @param fetched       items Spotify returned (top tracks, top-artist tracks, recent plays)
 * @param added         listening-history entries that were new; a re-import of unchanged history adds 0
 * @param learntTracks  tracks the catalog did not know and learnt from Spotify
 */
public record ImportReport(String userId, int fetched, int added, int learntTracks, Duration took) {
}
