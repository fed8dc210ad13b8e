package io.echotune.music.spotify;

import io.echotune.music.catalog.Track;
import io.echotune.music.spotify.SpotifyOutcome.Status;
import io.echotune.music.users.EchoUser.SpotifyLink;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.List;
import java.util.Optional;

/**
 * What the conversation can ask of Spotify — link, unlink, save a playlist, search — with the answers phrased for
 * the person. The bean exists only when Spotify is configured; the music tools take it as an {@code Optional}.
 */
public class Spotify {

    private static final Logger log = LoggerFactory.getLogger(Spotify.class);

    private final SpotifyLinking linking;
    private final SpotifyAccounts accounts;
    private final SpotifyHistoryImport history;
    private final SpotifyPlaylistExport export;
    private final SpotifySearch search;

    public Spotify(SpotifyLinking linking, SpotifyAccounts accounts, SpotifyHistoryImport history, SpotifyPlaylistExport export,
                   SpotifySearch search) {
        this.linking = linking;
        this.accounts = accounts;
        this.history = history;
        this.export = export;
        this.search = search;
    }

    public SpotifyLinking linking() { return linking; }
    public SpotifyAccounts accounts() { return accounts; }
    public SpotifyHistoryImport history() { return history; }

    /** The linked account's display name (or Spotify id), if the user has linked one. */
    public Optional<String> linkedAccount(String userId) {
        return accounts.link(userId).map(Spotify::name);
    }

    /** A login link for the user, or a note that an account is already linked. */
    public SpotifyOutcome offerLink(String userId) {
        Optional<String> linked = linkedAccount(userId);
        if (linked.isPresent()) {
            return SpotifyOutcome.of(Status.ALREADY_DONE, "Your Spotify account " + linked.get() + " is already linked. "
                    + "Say \"unlink Spotify\" if you want to remove it.");
        }
        SpotifyLinking.LinkOffer offer = linking.offer(userId);
        return SpotifyOutcome.of(Status.DONE, "Open this link to connect your Spotify account (it works for "
                + offer.validFor().toMinutes() + " minutes): " + offer.loginUrl()
                + "\nOnce it's linked I'll learn from what you listen to, and I can save playlists to your Spotify library.",
                offer.loginUrl());
    }

    public SpotifyOutcome unlink(String userId) {
        return linking.unlink(userId)
                ? SpotifyOutcome.of(Status.DONE, "Done — your Spotify account is unlinked and I've deleted its access tokens. "
                        + "What I learnt about your taste stays, and you can link again any time.")
                : SpotifyOutcome.of(Status.NOT_LINKED, "There's no Spotify account linked, so there's nothing to unlink.");
    }

    /** Saves the user's playlist to Spotify; an unlinked user gets a login link and is asked to save again after. */
    public SpotifyOutcome savePlaylist(String userId, String playlistId) {
        try {
            Optional<PlaylistExport> done = export.export(userId, playlistId);
            if (done.isEmpty()) {
                return SpotifyOutcome.of(Status.NOT_FOUND, "I can't find that playlist among yours.");
            }
            PlaylistExport e = done.get();
            return e.earlier()
                    ? SpotifyOutcome.of(Status.ALREADY_DONE, "That playlist is already in your Spotify library: " + e.url(), e.url())
                    : SpotifyOutcome.of(Status.DONE, "Saved to your Spotify library with " + e.trackCount() + " tracks: " + e.url(), e.url());
        } catch (SpotifyException e) {
            return switch (e.reason()) {
                case NOT_LINKED -> {
                    SpotifyLinking.LinkOffer offer = linking.offer(userId);
                    yield SpotifyOutcome.of(Status.NOT_LINKED, "To save it to Spotify I need your Spotify account first. "
                            + "Open this link to connect it (it works for " + offer.validFor().toMinutes() + " minutes): "
                            + offer.loginUrl() + "\nThen say \"save it to Spotify\" again — the playlist is kept here meanwhile.",
                            offer.loginUrl());
                }
                case UNAVAILABLE -> SpotifyOutcome.of(Status.UNAVAILABLE, "Spotify isn't answering right now, so I couldn't save "
                        + "the playlist there. It's still saved in EchoTune — say \"save it to Spotify\" again in a few minutes.");
                case REFUSED -> SpotifyOutcome.of(Status.REFUSED, e.getMessage() + " The playlist is still saved in EchoTune.");
            };
        }
    }

    /** Spotify's tracks for the words; empty (and logged) when Spotify is unavailable, so search falls back to the catalog. */
    public List<Track> search(String query, int limit) {
        try {
            return search.search(query, limit);
        } catch (SpotifyException e) {
            log.warn("Spotify search unavailable, answering from the local catalog only: {}", e.getCause() == null
                    ? e.getMessage() : e.getCause().getMessage());
            return List.of();
        }
    }

    private static String name(SpotifyLink link) {
        return link.displayName() != null && !link.displayName().isBlank() ? link.displayName() : link.spotifyUserId();
    }
}
