package io.echotune.music.spotify;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.echotune.music.catalog.Catalog;
import io.echotune.music.catalog.Track;
import io.echotune.music.playlists.Playlist;
import io.echotune.music.playlists.PlaylistRepository;
import io.echotune.music.tools.MusicTools;
import io.echotune.music.users.EchoUser;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

class SpotifyPlaylistExportTest extends SpotifyTestSupport {

    @Autowired
    MusicTools tools;
    @Autowired
    PlaylistRepository playlists;
    @Autowired
    Catalog catalog;

    private Playlist playlistOf(String userId, int size) {
        List<String> ids = catalog.all().stream().limit(size).map(Track::id).toList();
        return playlists.insert(new Playlist(UUID.randomUUID().toString(), userId, "Run Club",
                "Made by EchoTune for running", ids, Instant.now(), null));
    }

    @Test
    void savesAPrivatePlaylistWithEveryTrackAndRecordsItsSpotifyId() throws Exception {
        EchoUser user = newUser();
        link(user.getId());
        awaitFirstImport(user.getId());
        Playlist playlist = playlistOf(user.getId(), 150);

        SpotifyOutcome saved = tools.savePlaylistToSpotify(user.getId(), playlist.id());

        assertThat(saved.status()).isEqualTo(SpotifyOutcome.Status.DONE);
        assertThat(saved.message()).contains("150 tracks");
        String spotifyId = playlists.findById(playlist.id()).orElseThrow().spotifyPlaylist().orElseThrow();
        assertThat(saved.url()).hasValueSatisfying(u -> assertThat(u.toString()).isEqualTo("https://open.spotify.com/playlist/" + spotifyId));
        ObjectNode created = FAKE.playlists().get(spotifyId);
        assertThat(created.get("name").asText()).isEqualTo("Run Club");
        assertThat(created.get("description").asText()).contains("EchoTune");
        assertThat(created.get("public").asBoolean()).isFalse();
        List<String> uris = new ArrayList<>();
        created.get("items").forEach(u -> uris.add(u.asText()));
        assertThat(uris).isEqualTo(playlist.trackIds().stream().map(id -> catalog.find(id).orElseThrow().spotifyUri()).toList());
        assertThat(FAKE.count("POST", "/v1/playlists/" + spotifyId + "/items")).as("100 per request").isEqualTo(2);

        long creates = FAKE.count("POST", "/v1/me/playlists");
        SpotifyOutcome again = tools.savePlaylistToSpotify(user.getId(), playlist.id());
        assertThat(again.status()).isEqualTo(SpotifyOutcome.Status.ALREADY_DONE);
        assertThat(FAKE.count("POST", "/v1/me/playlists")).isEqualTo(creates);
    }

    @Test
    void anUnlinkedUserIsGivenALoginLinkAndTheirPlaylistStays() {
        EchoUser user = newUser();
        Playlist playlist = playlistOf(user.getId(), 5);
        SpotifyOutcome outcome = tools.savePlaylistToSpotify(user.getId(), playlist.id());
        assertThat(outcome.status()).isEqualTo(SpotifyOutcome.Status.NOT_LINKED);
        assertThat(outcome.url()).hasValueSatisfying(u -> assertThat(u.toString()).contains("/api/spotify/login?token="));
        assertThat(outcome.message()).contains("link", "save it to Spotify");
        assertThat(playlists.findById(playlist.id()).orElseThrow().spotifyPlaylist()).isEmpty();
    }

    @Test
    void someoneElsesPlaylistIsNotFound() throws Exception {
        EchoUser owner = newUser();
        EchoUser other = newUser();
        link(other.getId());
        awaitFirstImport(other.getId());
        Playlist playlist = playlistOf(owner.getId(), 3);
        assertThat(tools.savePlaylistToSpotify(other.getId(), playlist.id()).status()).isEqualTo(SpotifyOutcome.Status.NOT_FOUND);
    }

    @Test
    void whenSpotifyStaysDownThePersonIsToldAndCanSaveAgainLater() throws Exception {
        EchoUser user = newUser();
        link(user.getId());
        awaitFirstImport(user.getId());
        Playlist playlist = playlistOf(user.getId(), 10);
        FAKE.failNext("/v1/me/playlists", 502, 4);

        SpotifyOutcome failed = tools.savePlaylistToSpotify(user.getId(), playlist.id());
        assertThat(failed.status()).isEqualTo(SpotifyOutcome.Status.UNAVAILABLE);
        assertThat(failed.message()).contains("Spotify isn't answering", "still saved in EchoTune");
        assertThat(playlists.findById(playlist.id()).orElseThrow().spotifyPlaylist()).isEmpty();

        SpotifyOutcome retried = tools.savePlaylistToSpotify(user.getId(), playlist.id());
        assertThat(retried.status()).isEqualTo(SpotifyOutcome.Status.DONE);
        assertThat(playlists.findById(playlist.id()).orElseThrow().spotifyPlaylist()).isPresent();
    }

    @Test
    void aFailureWhileAddingTracksRemovesTheHalfMadeSpotifyPlaylist() throws Exception {
        EchoUser user = newUser();
        link(user.getId());
        awaitFirstImport(user.getId());
        Playlist playlist = playlistOf(user.getId(), 10);
        int before = FAKE.playlists().size();
        FAKE.failNext("/v1/playlists/", 503, 4);

        assertThat(tools.savePlaylistToSpotify(user.getId(), playlist.id()).status()).isEqualTo(SpotifyOutcome.Status.UNAVAILABLE);
        assertThat(FAKE.playlists()).hasSize(before);
        assertThat(playlists.findById(playlist.id()).orElseThrow().spotifyPlaylist()).isEmpty();
    }

    @Test
    void rateLimitsAreWaitedOutAsRetryAfterAsksAndA5xxIsRetried() throws Exception {
        EchoUser user = newUser();
        link(user.getId());
        awaitFirstImport(user.getId());
        Playlist playlist = playlistOf(user.getId(), 10);
        FAKE.rateLimitNext("/v1/me/playlists", 1);
        FAKE.failNext("/v1/playlists/", 500, 2);
        FAKE.clearSeen();

        long start = System.nanoTime();
        SpotifyOutcome saved = tools.savePlaylistToSpotify(user.getId(), playlist.id());
        long tookMs = (System.nanoTime() - start) / 1_000_000;

        assertThat(saved.status()).isEqualTo(SpotifyOutcome.Status.DONE);
        assertThat(tookMs).as("waited the second Retry-After asked for").isGreaterThanOrEqualTo(1000);
        assertThat(FAKE.count("POST", "/v1/me/playlists")).isEqualTo(2);
        assertThat(FAKE.count("POST", "/v1/playlists/")).isEqualTo(3);
        assertThat(FAKE.count("DELETE", "/v1/playlists/")).isZero();
    }
}
