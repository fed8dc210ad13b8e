package io.echotune.music.spotify;

import java.net.URI;
import java.util.Optional;

/**
 * The answer of a Spotify tool (link, unlink, save a playlist): what happened, a sentence to tell the person, and the
 * link that goes with it (the login link, or the Spotify playlist).
 */
public record SpotifyOutcome(Status status, String message, Optional<URI> url) {

    public enum Status { DONE, ALREADY_DONE, NOT_CONFIGURED, NOT_LINKED, NOT_FOUND, UNAVAILABLE, REFUSED }

    public static SpotifyOutcome of(Status status, String message) {
        return new SpotifyOutcome(status, message, Optional.empty());
    }

    public static SpotifyOutcome of(Status status, String message, URI url) {
        return new SpotifyOutcome(status, message, Optional.of(url));
    }

    public boolean succeeded() {
        return status == Status.DONE || status == Status.ALREADY_DONE;
    }
}
