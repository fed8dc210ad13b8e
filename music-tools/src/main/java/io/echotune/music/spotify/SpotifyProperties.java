package io.echotune.music.spotify;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.net.URI;
import java.time.Duration;

/**
 * Spotify settings. Everything Spotify does is off while {@code clientId} is blank (see {@link SpotifyConfigured}).
 *
 * @param clientId          the Spotify app's client id ({@code SPOTIFY_CLIENT_ID})
 * @param clientSecret      its client secret ({@code SPOTIFY_CLIENT_SECRET}); used only for the app's own
 *                          client-credentials token (search), never for a user's token, which PKCE obtains
 * @param redirectUri       the callback registered with the app ({@code SPOTIFY_REDIRECT_URI}); the login links the
 *                          bot hands out live on the same origin
 * @param tokenKey          base64 of a 256-bit AES key that encrypts users' tokens at rest ({@code ECHOTUNE_TOKEN_KEY})
 * @param apiBaseUrl        Web API origin; tests point it at a fake server on 127.0.0.1
 * @param accountsBaseUrl   accounts (authorize + token) origin; tests point it at a fake server on 127.0.0.1
 * @param linkValidity      how long a "link my Spotify" link can be used
 * @param importInterval    how often linked users' listening history is imported again
 * @param searchCacheTtl    how long a Spotify search answer is reused
 * @param maxAttempts       tries per request when Spotify answers 429 or 5xx (or the connection fails)
 * @param initialBackoff    wait before the first retry after a 5xx; doubles each time
 * @param maxRetryAfter     longest Retry-After we sleep through; a longer one means "unavailable for now"
 * @param requestTimeout    per-request timeout
 */
@ConfigurationProperties("echotune.spotify")
public record SpotifyProperties(
        @DefaultValue("") String clientId,
        @DefaultValue("") String clientSecret,
        @DefaultValue("http://127.0.0.1:8080/api/spotify/callback") URI redirectUri,
        @DefaultValue("") String tokenKey,
        @DefaultValue("https://api.spotify.com") URI apiBaseUrl,
        @DefaultValue("https://accounts.spotify.com") URI accountsBaseUrl,
        @DefaultValue("15m") Duration linkValidity,
        @DefaultValue("1h") Duration importInterval,
        @DefaultValue("10m") Duration searchCacheTtl,
        @DefaultValue("4") int maxAttempts,
        @DefaultValue("500ms") Duration initialBackoff,
        @DefaultValue("30s") Duration maxRetryAfter,
        @DefaultValue("10s") Duration requestTimeout) {

    /** The scopes EchoTune asks for: exactly what the importer and the (private) playlist export use. */
    public static final String SCOPES = String.join(" ",
            "user-top-read", "user-read-recently-played", "playlist-modify-private");

    public boolean configured() {
        return clientId != null && !clientId.isBlank();
    }

    /** Where the bot's "link my Spotify" links point: the login endpoint beside the callback. */
    public URI loginUrl() {
        return redirectUri.resolve("/api/spotify/login");
    }
}
