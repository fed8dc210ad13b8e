package io.echotune.music.recommend;

import io.echotune.music.catalog.Track;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class SharedPlaylistsTest {

    private static Track track(String id, String... playlists) {
        return new Track(id, id, List.of("artist " + id), "", Optional.empty(), "", List.of(), List.of(playlists), 0, 0, Optional.empty());
    }

    // a short focused playlist "a" (3 tracks), a long mixed one "b" (5 tracks), and a track in neither
    private final List<Track> tracks = List.of(
            track("seed", "a", "b"), track("inA", "a"), track("inBoth", "a", "b"),
            track("inB1", "b"), track("inB2", "b"), track("nowhere", "c"));
    private final SharedPlaylists playlists = new SharedPlaylists(tracks);

    @Test
    void tracksSharingMorePlaylistsWithTheSeedsScoreHigherAndShortPlaylistsCountMore() {
        SharedPlaylists.Affinity affinity = playlists.affinity(List.of(tracks.get(0)));
        assertThat(affinity.of(2)).isCloseTo(1f, within(1e-6f)); // in both of the seed's playlists: the most shared
        assertThat(affinity.of(1)).isGreaterThan(affinity.of(3)); // the short playlist a weighs more than the long b
        assertThat(affinity.of(3)).isEqualTo(affinity.of(4)).isGreaterThan(0f);
        assertThat(affinity.of(5)).isZero();
    }

    @Test
    void eachSeedsPlaylistsWeighByTheShareOfSeedsInThem() {
        SharedPlaylists.Affinity affinity = playlists.affinity(List.of(tracks.get(1), tracks.get(2), tracks.get(3)));
        // a holds two of the three seeds, b two as well, but a is shorter
        assertThat(affinity.of(1)).isGreaterThan(affinity.of(4));
        assertThat(affinity.of(5)).isZero();
    }

    @Test
    void aGenresShareIsTheShareOfATracksPlaylistsFiledUnderIt() {
        // playlist "r" is rap / hip hop, "p" pop / dance pop, "l" latin / latin hip hop (a kind of hip hop: half);
        // a track carries the genres of every playlist it is in
        List<Track> filed = List.of(
                genred("rapOnly", List.of("rap", "hip hop"), "r"),
                genred("both", List.of("rap", "hip hop", "pop", "dance pop"), "r", "p"),
                genred("popOnly", List.of("pop", "dance pop"), "p"),
                genred("popToo", List.of("pop", "dance pop"), "p"),
                genred("latinOnly", List.of("latin", "latin hip hop"), "l"),
                genred("latinToo", List.of("latin", "latin hip hop"), "l"),
                genred("learnt", List.of("hip hop")));
        float[] share = new SharedPlaylists(filed).genreShare(List.of("hip hop"));
        assertThat(share).containsExactly(1f, 0.5f, 0f, 0f, 0.5f, 0.5f, 1f);
    }

    private static Track genred(String id, List<String> genres, String... playlists) {
        return new Track(id, id, List.of("artist " + id), "", Optional.empty(), genres.getFirst(), genres, List.of(playlists),
                0, 0, Optional.empty());
    }

    @Test
    void seedsInNoKnownPlaylistGiveNoSignalRatherThanZeroForEverything() {
        assertThat(playlists.affinity(List.of(track("learnt")))).isNull();
        assertThat(playlists.affinity(List.of(track("elsewhere", "unknown")))).isNull();
        assertThat(playlists.playlistCount()).isEqualTo(3);
    }
}
