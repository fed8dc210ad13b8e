package io.echotune.music.spotify;

import io.echotune.music.catalog.Catalog;
import io.echotune.music.catalog.Track;
import io.echotune.music.history.FeedbackKind;
import io.echotune.music.history.ListeningEvent;
import io.echotune.music.history.ListeningHistory;
import io.echotune.music.users.EchoUser;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class SpotifyHistoryImportTest extends SpotifyTestSupport {

    @Autowired
    SpotifyHistoryImport importer;
    @Autowired
    ListeningHistory history;
    @Autowired
    Catalog catalog;
    @Autowired
    MongoTemplate mongo;

    @AfterEach
    void forgetListening() {
        FAKE.topTracks.clear();
        FAKE.topArtists.clear();
        FAKE.recentlyPlayed.clear();
    }

    @Test
    void importsTopTracksTopArtistsAndRecentPlaysOnceAndLearnsUnknownTracks() throws Exception {
        Track known = catalog.all().getFirst();
        String knownArtist = known.artists().getFirst();
        int artistTracks = Math.min(3, catalog.byArtist(knownArtist).size());
        Instant played = Instant.now().truncatedTo(ChronoUnit.SECONDS).minus(Duration.ofHours(1));
        FAKE.topTracks.addAll(List.of(
                FakeSpotify.track(known.id(), known.title(), knownArtist, known.album(), "2019-01-01"),
                FakeSpotify.track("0newTrackFromSpotify01", "Brand New Song", "Unheard Band", "Fresh Album", "2026-02-13")));
        FAKE.topArtists.addAll(List.of(FakeSpotify.artist("artist-known", knownArtist), FakeSpotify.artist("artist-x", "Nobody We Know")));
        FAKE.recentlyPlayed.add(FakeSpotify.play(FakeSpotify.track("0newTrackFromSpotify02", "Another New One", knownArtist, "B-sides", "2025"), played));

        EchoUser user = newUser();
        link(user.getId());
        awaitFirstImport(user.getId());

        List<ListeningEvent> events = history.recent(user.getId(), 500);
        int expected = 3 * 2 + 3 * artistTracks + 1;
        assertThat(events).hasSize(expected).allSatisfy(e -> {
            assertThat(e.kind()).isEqualTo(FeedbackKind.PLAY);
            assertThat(e.dedupKey()).startsWith("spotify:").contains(user.getId());
        });
        assertThat(events).filteredOn(e -> e.source().equals("spotify_recently_played")).singleElement()
                .satisfies(e -> assertThat(e.at()).isEqualTo(played));
        assertThat(events).filteredOn(e -> e.source().equals("spotify_top_artists")).hasSize(3 * artistTracks)
                .allSatisfy(e -> assertThat(catalog.find(e.trackId()).orElseThrow().artists()).contains(knownArtist));

        Track learnt = catalog.find("0newTrackFromSpotify01").orElseThrow();
        assertThat(learnt.title()).isEqualTo("Brand New Song");
        assertThat(learnt.releaseYear()).contains(2026);
        assertThat(learnt.features()).isEmpty();
        assertThat(catalog.find("0newTrackFromSpotify02").orElseThrow().genres())
                .as("genres borrowed from the artist's catalog tracks").isEqualTo(catalog.byArtist(knownArtist).getFirst().genres());
        assertThat(history.taste(user.getId()).liked()).contains(known.id(), "0newTrackFromSpotify01");

        // what was learnt is kept: a catalog started afresh (as after a restart) knows it again
        Catalog afterRestart = new Catalog(List.of());
        new SpotifyTracks(afterRestart, mongo, Clock.systemUTC()).restore();
        assertThat(afterRestart.find("0newTrackFromSpotify01")).hasValueSatisfying(t -> {
            assertThat(t.title()).isEqualTo("Brand New Song");
            assertThat(t.artists()).containsExactly("Unheard Band");
            assertThat(t.releaseYear()).contains(2026);
        });
        assertThat(afterRestart.find(known.id())).as("shipped tracks are not copied").isEmpty();

        ImportReport again = importer.importNow(user.getId()).orElseThrow();
        assertThat(again.added()).isZero();
        assertThat(again.fetched()).isEqualTo(3 * 2 + 3 * 2 + 1);
        assertThat(history.recent(user.getId(), 500)).hasSize(expected);

        FAKE.recentlyPlayed.addFirst(FakeSpotify.play(FakeSpotify.track(known.id(), known.title(), knownArtist, known.album(), "2019"),
                played.plus(Duration.ofMinutes(5))));
        ImportReport next = importer.importNow(user.getId()).orElseThrow();
        assertThat(next.added()).isEqualTo(1);
        assertThat(history.recent(user.getId(), 500)).hasSize(expected + 1);
        assertThat(accounts.link(user.getId()).orElseThrow().lastImportAt()).isNotNull();
    }

    @Test
    void theScheduledImportCoversEveryLinkedUserAndAFailingOneDoesNotStopTheOthers() throws Exception {
        FAKE.recentlyPlayed.add(FakeSpotify.play(FakeSpotify.track("0newTrackFromSpotify03", "Late Night", "Someone", "LP", "2024"),
                Instant.now().truncatedTo(ChronoUnit.SECONDS)));
        EchoUser first = newUser();
        EchoUser second = newUser();
        link(first.getId());
        awaitFirstImport(first.getId());
        link(second.getId());
        awaitFirstImport(second.getId());
        FAKE.expireAccessTokens();
        FAKE.revokeRefreshTokens(); // both links die...
        EchoUser third = newUser();
        link(third.getId()); // ...and a new one works
        awaitFirstImport(third.getId());

        List<ImportReport> reports = importer.importAll();
        assertThat(reports).extracting(ImportReport::userId).contains(third.getId()).doesNotContain(first.getId(), second.getId());
        assertThat(accounts.isLinked(first.getId())).isFalse();
        assertThat(history.recent(third.getId(), 10)).extracting(ListeningEvent::trackId).containsExactly("0newTrackFromSpotify03");
    }
}
