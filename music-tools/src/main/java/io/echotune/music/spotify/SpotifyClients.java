package io.echotune.music.spotify;

import se.michaelthelin.spotify.SpotifyApi;

import java.net.URI;

/**
 * Builds spotify-web-api-java clients aimed at the configured Web API origin and sending through {@link SpotifyHttp}.
 * A client is cheap and holds one access token, so one is built per call rather than shared and mutated.
 */
public class SpotifyClients {

    private final SpotifyProperties properties;
    private final SpotifyHttp http;

    public SpotifyClients(SpotifyProperties properties, SpotifyHttp http) {
        this.properties = properties;
        this.http = http;
    }

    /** A client for the app itself (authorize URLs, code exchange, refresh, client credentials). */
    public SpotifyApi app() {
        return base().setClientSecret(properties.clientSecret()).build();
    }

    /** A client acting with an access token (a user's, or the app's client-credentials token). */
    public SpotifyApi withToken(String accessToken) {
        return base().setAccessToken(accessToken).build();
    }

    public SpotifyHttp http() {
        return http;
    }

    public SpotifyProperties properties() {
        return properties;
    }

    /** An endpoint of the Web API under the configured origin, e.g. {@code api("/v1/me/playlists")}. */
    public URI api(String path) {
        return URI.create(properties.apiBaseUrl().toString().replaceAll("/+$", "") + path);
    }

    private SpotifyApi.Builder base() {
        URI api = properties.apiBaseUrl();
        int port = api.getPort() != -1 ? api.getPort() : "http".equalsIgnoreCase(api.getScheme()) ? 80 : 443;
        return SpotifyApi.builder()
                .setHttpManager(http)
                .setScheme(api.getScheme())
                .setHost(api.getHost())
                .setPort(port)
                .setClientId(properties.clientId())
                .setRedirectUri(properties.redirectUri());
    }
}
