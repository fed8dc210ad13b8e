package io.echotune.music.tools;

import io.echotune.music.catalog.Catalog;
import io.echotune.music.catalog.Track;
import io.echotune.music.history.FeedbackKind;
import io.echotune.music.history.ListeningEvent;
import io.echotune.music.history.ListeningHistory;
import io.echotune.music.playlists.PlaylistBuilder;
import io.echotune.music.recommend.RecommendRequest;
import io.echotune.music.recommend.RecommendedTrack;
import io.echotune.music.recommend.Recommendations;
import io.echotune.music.spotify.Spotify;
import io.echotune.music.spotify.SpotifyOutcome;
import org.springframework.stereotype.Service;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The music tool functions every planner calls: search, recommend, build a playlist, feedback, explain and
 * listening stats. The user id always comes from the conversation, never from what a model asked for.
 */
@Service
public class MusicTools {

    public static final int MAX_SEARCH_RESULTS = 50;

    private final Catalog catalog;
    private final Recommendations recommendations;
    private final PlaylistBuilder playlists;
    private final ListeningHistory history;
    /** Present only when Spotify is configured (SPOTIFY_CLIENT_ID). */
    private final Optional<Spotify> spotify;

    public MusicTools(Catalog catalog, Recommendations recommendations, PlaylistBuilder playlists, ListeningHistory history,
                      Optional<Spotify> spotify) {
        this.catalog = catalog;
        this.recommendations = recommendations;
        this.playlists = playlists;
        this.history = history;
        this.spotify = spotify;
    }

    /**
     * Searches the local catalog and, when Spotify is configured, Spotify too. Spotify's ranking leads (it knows
     * songs the shipped catalog lacks); a song both know is shown as the catalog's version, which carries audio
     * features; the rest of the catalog's hits follow.
     */
    public List<Track> searchTracks(String query, int limit) {
        int n = Math.clamp(limit, 1, MAX_SEARCH_RESULTS);
        List<Track> local = catalog.search(query, n);
        if (spotify.isEmpty()) {
            return local;
        }
        Map<String, Track> merged = new LinkedHashMap<>();
        Map<String, Track> localBySong = new LinkedHashMap<>();
        local.forEach(t -> localBySong.putIfAbsent(songKey(t), t));
        for (Track found : spotify.get().search(query, n)) {
            Track shown = localBySong.getOrDefault(songKey(found), found);
            merged.putIfAbsent(songKey(shown), shown);
        }
        local.forEach(t -> merged.putIfAbsent(songKey(t), t));
        return merged.values().stream().limit(n).toList();
    }

    private static String songKey(Track t) {
        return (t.title() + "|" + t.artistLine()).toLowerCase(java.util.Locale.ROOT);
    }

    /** The name of the user's linked Spotify account, if Spotify is configured and they have linked one. */
    public Optional<String> linkedSpotifyAccount(String userId) {
        return spotify.flatMap(s -> s.linkedAccount(userId));
    }

    public boolean spotifyConfigured() {
        return spotify.isPresent();
    }

    /** "Link my Spotify": a login link tied to this user (or why there is none); the message can be shown as it is. */
    public SpotifyOutcome spotifyLink(String userId) {
        return spotify.map(s -> s.offerLink(userId)).orElseGet(MusicTools::spotifyNotConfigured);
    }

    /** "Unlink Spotify": forgets the linked account and deletes its tokens. */
    public SpotifyOutcome unlinkSpotify(String userId) {
        return spotify.map(s -> s.unlink(userId)).orElseGet(MusicTools::spotifyNotConfigured);
    }

    /**
     * "Save it to Spotify": exports the user's playlist to their Spotify library. An unlinked user is given a login
     * link; when Spotify fails the playlist stays in EchoTune and the same call can be made again.
     */
    public SpotifyOutcome savePlaylistToSpotify(String userId, String playlistId) {
        return spotify.map(s -> s.savePlaylist(userId, playlistId)).orElseGet(MusicTools::spotifyNotConfigured);
    }

    private static SpotifyOutcome spotifyNotConfigured() {
        return SpotifyOutcome.of(SpotifyOutcome.Status.NOT_CONFIGURED, "Spotify isn't set up on this EchoTune server, so I "
                + "can't link accounts or save to Spotify here. Your likes and playlists stay saved in EchoTune.");
    }

    /** The most popular tracks of an artist, as the catalog spells the name. */
    public List<Track> tracksByArtist(String artist, int limit) {
        return catalog.byArtist(artist).stream().limit(Math.clamp(limit, 1, MAX_SEARCH_RESULTS)).toList();
    }

    /** Whether the catalog has tracks of a genre, matching subgenres too ("hip hop" → "southern hip hop"). */
    public boolean hasGenre(String genre) {
        return catalog.genres().stream().anyMatch(g -> g.equals(genre) || g.contains(genre));
    }

    public Optional<Track> track(String id) {
        return catalog.find(id);
    }

    /** Recommends tracks for the user (cached; recorded in {@code recommendations}), see {@link Recommendations}. */
    public List<RecommendedTrack> recommend(String userId, RecommendRequest request) {
        return recommendations.recommend(userId, request);
    }

    public PlaylistBuilder.Built buildPlaylist(String userId, String name, List<String> startWith, RecommendRequest request) {
        String description = "Made by EchoTune" + (request.moodWords().isEmpty() ? "" : " for " + String.join(", ", request.moodWords()));
        return playlists.build(userId, name, description, startWith, request);
    }

    public ListeningEvent feedback(String userId, String trackId, boolean liked) {
        ListeningEvent event = history.record(userId, trackId, liked ? FeedbackKind.LIKE : FeedbackKind.DISLIKE, "chat");
        recommendations.feedbackRecorded(userId);
        return event;
    }

    /** The user's most played or liked tracks, strongest first. */
    public List<Track> myTopTracks(String userId, int limit) {
        Map<String, Track> top = new LinkedHashMap<>();
        for (String id : history.taste(userId).liked()) {
            catalog.find(id).ifPresent(t -> top.putIfAbsent(id, t));
            if (top.size() == limit) break;
        }
        return List.copyOf(top.values());
    }
}
