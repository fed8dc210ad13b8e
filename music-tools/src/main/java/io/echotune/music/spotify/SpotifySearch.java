package io.echotune.music.spotify;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.echotune.music.catalog.Track;
import org.apache.hc.core5.http.ParseException;
import se.michaelthelin.spotify.exceptions.SpotifyWebApiException;
import se.michaelthelin.spotify.exceptions.detailed.UnauthorizedException;
import se.michaelthelin.spotify.model_objects.credentials.ClientCredentials;
import se.michaelthelin.spotify.model_objects.specification.Paging;

import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Track search in Spotify's catalog with the app's own client-credentials token (no user needed). Answers are kept
 * in an in-process Caffeine cache for {@code searchCacheTtl}: the same words within that time cost no request.
 * Found tracks are learnt by the local catalog so the conversation can refer to them afterwards.
 */
public class SpotifySearch {

    /** Spotify's current maximum page size for search (development-mode apps, 2026). */
    public static final int MAX_LIMIT = 10;
    private static final int MAX_CACHED_QUERIES = 10_000;

    private record AppToken(String value, Instant expiresAt) {
    }

    private final SpotifyClients clients;
    private final SpotifyTracks tracks;
    private final Clock clock;
    private final Cache<String, List<Track>> cache;
    private volatile AppToken appToken;

    public SpotifySearch(SpotifyClients clients, SpotifyTracks tracks, Clock clock) {
        this.clients = clients;
        this.tracks = tracks;
        this.clock = clock;
        this.cache = Caffeine.newBuilder()
                .expireAfterWrite(clients.properties().searchCacheTtl())
                .maximumSize(MAX_CACHED_QUERIES)
                .build();
    }

    /**
     * Spotify's best tracks for the words, at most {@link #MAX_LIMIT}.
     *
     * @throws SpotifyException UNAVAILABLE when Spotify cannot be reached (answers are not cached then)
     */
    public List<Track> search(String query, int limit) {
        int n = Math.clamp(limit, 1, MAX_LIMIT);
        String words = query == null ? "" : query.strip().replaceAll("\\s+", " ");
        if (words.isEmpty()) return List.of();
        return cache.get(words.toLowerCase(Locale.ROOT) + "|" + n, key -> fetch(words, n));
    }

    private List<Track> fetch(String words, int limit) {
        Paging<se.michaelthelin.spotify.model_objects.specification.Track> page;
        try {
            try {
                page = clients.withToken(appToken(false)).searchTracks(words).limit(limit).build().execute();
            } catch (UnauthorizedException expired) {
                page = clients.withToken(appToken(true)).searchTracks(words).limit(limit).build().execute();
            }
        } catch (IOException | SpotifyWebApiException | ParseException e) {
            throw SpotifyException.unavailable(e);
        }
        List<Track> found = new ArrayList<>();
        if (page != null && page.getItems() != null) {
            for (var item : page.getItems()) {
                tracks.learn(item).ifPresent(l -> found.add(l.track()));
            }
        }
        return List.copyOf(found);
    }

    private synchronized String appToken(boolean renew) throws IOException, SpotifyWebApiException, ParseException {
        AppToken current = appToken;
        if (!renew && current != null && current.expiresAt().isAfter(clock.instant().plusSeconds(60))) {
            return current.value();
        }
        ClientCredentials credentials = clients.app().clientCredentials().build().execute();
        appToken = new AppToken(credentials.getAccessToken(), clock.instant().plusSeconds(credentials.getExpiresIn()));
        return credentials.getAccessToken();
    }
}
