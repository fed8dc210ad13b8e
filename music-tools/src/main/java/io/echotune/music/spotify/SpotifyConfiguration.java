package io.echotune.music.spotify;

import io.echotune.music.catalog.Catalog;
import io.echotune.music.history.ListeningHistory;
import io.echotune.music.playlists.PlaylistRepository;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.mongodb.core.MongoTemplate;

import java.time.Clock;

/**
 * The Spotify beans, created only when {@code SPOTIFY_CLIENT_ID} is set: with it unset nothing here exists, nothing
 * calls out, and the rest of EchoTune works from the local catalog. With it set, a missing or malformed
 * {@code ECHOTUNE_TOKEN_KEY} stops start-up with a sentence saying how to make one.
 */
@Configuration(proxyBeanMethods = false)
@Conditional(SpotifyConfigured.class)
@EnableConfigurationProperties(SpotifyProperties.class)
public class SpotifyConfiguration {

    @Bean
    SpotifyHttp spotifyHttp(SpotifyProperties properties) {
        return new SpotifyHttp(properties);
    }

    @Bean
    SpotifyClients spotifyClients(SpotifyProperties properties, SpotifyHttp http) {
        return new SpotifyClients(properties, http);
    }

    @Bean
    TokenCipher spotifyTokenCipher(SpotifyProperties properties) {
        return TokenCipher.fromBase64Key(properties.tokenKey());
    }

    @Bean
    SpotifyAccounts spotifyAccounts(MongoTemplate mongo, SpotifyClients clients, TokenCipher cipher, Clock clock) {
        return new SpotifyAccounts(mongo, clients, cipher, clock);
    }

    @Bean
    SpotifyTracks spotifyTracks(Catalog catalog, MongoTemplate mongo, Clock clock) {
        return new SpotifyTracks(catalog, mongo, clock);
    }

    @Bean
    SpotifyHistoryImport spotifyHistoryImport(SpotifyAccounts accounts, SpotifyTracks tracks, Catalog catalog, MongoTemplate mongo,
                                              ListeningHistory history, Clock clock) {
        return new SpotifyHistoryImport(accounts, tracks, catalog, mongo, history, clock);
    }

    @Bean
    SpotifyLinking spotifyLinking(MongoTemplate mongo, SpotifyClients clients, SpotifyAccounts accounts,
                                  SpotifyHistoryImport importer, TokenCipher cipher, Clock clock) {
        return new SpotifyLinking(mongo, clients, accounts, importer, cipher, clock);
    }

    @Bean
    SpotifyPlaylistExport spotifyPlaylistExport(SpotifyAccounts accounts, SpotifyClients clients, PlaylistRepository playlists,
                                                MongoTemplate mongo) {
        return new SpotifyPlaylistExport(accounts, clients, playlists, mongo);
    }

    @Bean
    SpotifySearch spotifySearch(SpotifyClients clients, SpotifyTracks tracks, Clock clock) {
        return new SpotifySearch(clients, tracks, clock);
    }

    @Bean
    Spotify spotify(SpotifyLinking linking, SpotifyAccounts accounts, SpotifyHistoryImport history, SpotifyPlaylistExport export,
                    SpotifySearch search) {
        return new Spotify(linking, accounts, history, export, search);
    }
}
