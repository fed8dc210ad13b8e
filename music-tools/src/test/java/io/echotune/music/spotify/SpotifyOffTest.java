package io.echotune.music.spotify;

import io.echotune.music.tools.MusicTools;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

/** With no SPOTIFY_CLIENT_ID nothing Spotify exists, and the tools say so plainly. */
@SpringBootTest(classes = SpotifyTestApplication.class, properties = "echotune.spotify.client-id=")
class SpotifyOffTest {

    @Autowired
    ApplicationContext context;
    @Autowired
    MusicTools tools;

    @Test
    void nothingSpotifyIsCreatedAndTheToolsAnswerHonestly() {
        assertThat(context.getBeanNamesForType(Spotify.class)).isEmpty();
        assertThat(context.getBeanNamesForType(SpotifyHttp.class)).isEmpty();
        assertThat(tools.spotifyConfigured()).isFalse();
        SpotifyOutcome link = tools.spotifyLink("someone");
        assertThat(link.status()).isEqualTo(SpotifyOutcome.Status.NOT_CONFIGURED);
        assertThat(link.message()).contains("isn't set up");
        assertThat(tools.savePlaylistToSpotify("someone", "any").status()).isEqualTo(SpotifyOutcome.Status.NOT_CONFIGURED);
        assertThat(tools.searchTracks("radiohead creep", 5)).isNotEmpty();
    }
}
