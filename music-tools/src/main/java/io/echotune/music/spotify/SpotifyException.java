package io.echotune.music.spotify;

/**
 * Spotify could not do what was asked. The message is a sentence a person can be shown as it is; no token,
 * code or Spotify response body is ever part of it.
 */
public class SpotifyException extends RuntimeException {

    public enum Reason {
        /** No account is linked, or the link was revoked in Spotify: the person has to link (again). */
        NOT_LINKED,
        /** Spotify is down, too slow, or rate-limiting us longer than we wait: try again later. */
        UNAVAILABLE,
        /** Spotify refused the request (e.g. an account not allowed on a development-mode app). */
        REFUSED
    }

    private final Reason reason;

    public SpotifyException(Reason reason, String message, Throwable cause) {
        super(message, cause);
        this.reason = reason;
    }

    public SpotifyException(Reason reason, String message) {
        this(reason, message, null);
    }

    public Reason reason() {
        return reason;
    }

    static SpotifyException notLinked() {
        return new SpotifyException(Reason.NOT_LINKED,
                "No Spotify account is linked yet. Say \"link my Spotify\" and open the link I send you.");
    }

    static SpotifyException unavailable(Throwable cause) {
        return new SpotifyException(Reason.UNAVAILABLE,
                "Spotify isn't answering right now, so I couldn't reach it. Nothing is lost — try again in a few minutes.", cause);
    }
}
