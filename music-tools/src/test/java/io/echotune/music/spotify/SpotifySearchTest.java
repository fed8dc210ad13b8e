package io.echotune.music.spotify;

import io.echotune.music.catalog.Catalog;
import io.echotune.music.catalog.Track;
import io.echotune.music.tools.MusicTools;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class SpotifySearchTest extends SpotifyTestSupport {

    @Autowired
    MusicTools tools;
    @Autowired
    Catalog catalog;

    @AfterEach
    void clear() {
        FAKE.searchResults.clear();
    }

    @Test
    void mergesSpotifyWithTheCatalogAndCachesTheAnswer() {
        Track known = catalog.search("Bohemian Rhapsody", 1).getFirst();
        FAKE.searchResults.add(FakeSpotify.track("0spotifyOnlyTrack0001", "Bohemian Rhapsody (2026 Remaster)", "Queen", "Remasters", "2026-01-01"));
        FAKE.searchResults.add(FakeSpotify.track(known.id(), known.title(), known.artists().getFirst(), known.album(), "1975"));
        FAKE.clearSeen();

        List<Track> found = tools.searchTracks("bohemian rhapsody", 30);

        assertThat(found.getFirst().id()).as("Spotify's ranking leads").isEqualTo("0spotifyOnlyTrack0001");
        assertThat(found).filteredOn(t -> t.id().equals(known.id())).singleElement()
                .satisfies(t -> assertThat(t.features()).as("the catalog's version, with audio features").isPresent());
        assertThat(found).extracting(Track::id).doesNotHaveDuplicates();
        assertThat(catalog.find("0spotifyOnlyTrack0001")).as("learnt, so the conversation can refer to it").isPresent();
        assertThat(FAKE.seen()).filteredOn(s -> s.path().equals("/v1/search")).singleElement()
                .satisfies(s -> assertThat(s.query()).contains("limit=10", "type=track"));

        tools.searchTracks("Bohemian  Rhapsody ", 30);
        assertThat(FAKE.count("GET", "/v1/search")).as("second answer from the cache").isEqualTo(1);
    }

    @Test
    void whenSpotifyIsDownSearchAnswersFromTheCatalog() {
        FAKE.failNext("/v1/search", 503, 4);
        List<Track> found = tools.searchTracks("daft punk one more time", 5);
        assertThat(found).isNotEmpty().allSatisfy(t -> assertThat(t.features()).isPresent());
    }
}
