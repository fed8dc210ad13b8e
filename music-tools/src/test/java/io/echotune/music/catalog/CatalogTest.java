package io.echotune.music.catalog;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class CatalogTest {

    private final Catalog catalog = ShippedCatalog.get();

    @Test
    void loadsEveryUniqueTrackOfTheShippedDataSet() {
        // 28,356 unique ids in the data set, less the few rows whose name or artist is NA
        assertThat(catalog.size()).isBetween(28_300, 28_356);
        assertThat(catalog.genres()).contains("rock", "edm", "r&b", "latin", "pop", "rap", "album rock", "trap");
    }

    @Test
    void keepsAudioFeaturesAndEveryGenreATrackWasFiledUnder() {
        Track track = catalog.search("Bohemian Rhapsody Queen", 1).getFirst();
        assertThat(track.artists()).containsExactly("Queen");
        assertThat(track.features()).isPresent();
        assertThat(track.features().get().energy()).isBetween(0.0, 1.0);
        assertThat(track.genres()).contains("rock");
        assertThat(track.releaseYear()).isPresent();
    }

    @Test
    void keepsThePlaylistsATrackWasFoundInAndCanLeaveSomeOut() throws Exception {
        // "One More Time" is in two playlists of the data set ("ELECTROPOP" and "Selected House")
        Track track = catalog.find("0DiWol3AO6WpXZgp0goxAV").orElseThrow();
        assertThat(track.playlists()).containsExactlyInAnyOrder("2UsEj2GUukV0GLbsE3rldz", "2JPzPB9jnvJLAYtmCbvZy8");

        List<Track> without;
        try (var in = new java.util.zip.GZIPInputStream(Catalog.class.getResourceAsStream(Catalog.SHIPPED_RESOURCE))) {
            without = CatalogLoader.load(in, playlist -> !playlist.equals("2UsEj2GUukV0GLbsE3rldz"));
        }
        Track kept = without.stream().filter(t -> t.id().equals(track.id())).findFirst().orElseThrow();
        assertThat(kept.playlists()).containsExactly("2JPzPB9jnvJLAYtmCbvZy8");
        assertThat(kept.genres()).doesNotContain("electropop").contains("progressive electro house");
        assertThat(without).noneMatch(t -> t.playlists().isEmpty()).hasSizeLessThan(catalog.size());
    }

        @Test
    void findsATitleDespiteTypos() {
        List<Track> hits = catalog.search("bohemian rapsody", 5);
        assertThat(hits).extracting(Track::title).anyMatch(t -> t.startsWith("Bohemian Rhapsody"));
    }

    @Test
    void listsASongOnceWhateverItsRemasterOrMixSuffix() {
        List<Track> hits = catalog.search("Bohemian Rhapsody", 5);
        assertThat(hits).filteredOn(t -> t.title().startsWith("Bohemian Rhapsody") && t.artistLine().equals("Queen")).hasSize(1);
    }

    @Test
    void findsAnArtistDespiteTypos() {
        assertThat(catalog.search("radiohed", 5)).isNotEmpty().allMatch(t -> t.artistLine().equals("Radiohead"));
    }

    @Test
    void ranksAnArtistsPopularTracksFirstAndListsEachSongOnce() {
        List<Track> hits = catalog.search("Daft Punk", 10);
        assertThat(hits).isNotEmpty().allMatch(t -> t.artistLine().equals("Daft Punk"));
        assertThat(hits).extracting(t -> t.title().toLowerCase()).doesNotHaveDuplicates();
        assertThat(hits.getFirst().popularity()).isGreaterThanOrEqualTo(hits.getLast().popularity());
    }

    @Test
    void returnsNothingForGibberishOrEmptyText() {
        assertThat(catalog.search("", 5)).isEmpty();
        assertThat(catalog.search("   ", 5)).isEmpty();
        assertThat(catalog.search("qqqxxzzv wwqqpp", 5)).isEmpty();
    }

    @Test
    void looksUpArtistsCaseAndAccentInsensitively() {
        assertThat(catalog.byArtist("daft punk")).isNotEmpty();
        assertThat(catalog.artistName("BEYONCE")).contains("Beyoncé");
    }
}
