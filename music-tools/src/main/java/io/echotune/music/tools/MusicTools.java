package io.echotune.music.tools;

import io.echotune.music.catalog.Catalog;
import io.echotune.music.catalog.Track;
import io.echotune.music.history.FeedbackKind;
import io.echotune.music.history.ListeningEvent;
import io.echotune.music.history.ListeningHistory;
import io.echotune.music.playlists.PlaylistBuilder;
import io.echotune.music.recommend.RecommendRequest;
import io.echotune.music.recommend.RecommendationRecord;
import io.echotune.music.recommend.RecommendationRepository;
import io.echotune.music.recommend.RecommendedTrack;
import io.echotune.music.recommend.TrackRecommender;
import org.springframework.stereotype.Service;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * The music tool functions every planner calls: search, recommend, build a playlist, feedback, explain and
 * listening stats. The user id always comes from the conversation, never from what a model asked for.
 */
@Service
public class MusicTools {

    public static final int MAX_SEARCH_RESULTS = 50;
    static final String ALGORITHM_VERSION = "content-v1";

    private final Catalog catalog;
    private final TrackRecommender recommender;
    private final PlaylistBuilder playlists;
    private final ListeningHistory history;
    private final RecommendationRepository recommendations;
    private final Clock clock;

    public MusicTools(Catalog catalog, TrackRecommender recommender, PlaylistBuilder playlists, ListeningHistory history,
                      RecommendationRepository recommendations, Clock clock) {
        this.catalog = catalog;
        this.recommender = recommender;
        this.playlists = playlists;
        this.history = history;
        this.recommendations = recommendations;
        this.clock = clock;
    }

    public List<Track> searchTracks(String query, int limit) {
        return catalog.search(query, Math.clamp(limit, 1, MAX_SEARCH_RESULTS));
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

    /** Recommends tracks for the user and records what was shown in {@code recommendations}. */
    public List<RecommendedTrack> recommend(String userId, RecommendRequest request) {
        List<RecommendedTrack> picks = recommender.recommend(request, history.taste(userId));
        if (!picks.isEmpty()) {
            recommendations.insert(new RecommendationRecord(UUID.randomUUID().toString(), userId,
                    picks.stream().map(p -> new RecommendationRecord.Item(p.track().id(), p.score(), p.reason())).toList(),
                    ALGORITHM_VERSION, request.toString(), clock.instant()));
        }
        return picks;
    }

    public PlaylistBuilder.Built buildPlaylist(String userId, String name, List<String> startWith, RecommendRequest request) {
        String description = "Made by EchoTune" + (request.moodWords().isEmpty() ? "" : " for " + String.join(", ", request.moodWords()));
        return playlists.build(userId, name, description, startWith, request);
    }

    public ListeningEvent feedback(String userId, String trackId, boolean liked) {
        return history.record(userId, trackId, liked ? FeedbackKind.LIKE : FeedbackKind.DISLIKE, "chat");
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
