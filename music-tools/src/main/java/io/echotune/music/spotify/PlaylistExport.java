package io.echotune.music.spotify;

import java.net.URI;

/**
 * A playlist that is in the owner's Spotify library.
 *
 * @param playlistId         the EchoTune playlist
 * @param spotifyPlaylistId  the Spotify playlist it was exported to
 * @param url                where to open it
 * @param trackCount         tracks added
 * @param earlier            true when it had been exported before and nothing new was created
 */
public record PlaylistExport(String playlistId, String spotifyPlaylistId, URI url, int trackCount, boolean earlier) {
}
