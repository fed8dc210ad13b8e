package io.echotune.music.playlists;

import io.echotune.music.ids.DocumentIds;
import io.echotune.music.catalog.Catalog;
import io.echotune.music.catalog.Track;
import io.echotune.music.history.ListeningHistory;
import io.echotune.music.recommend.RecommendRequest;
import io.echotune.music.recommend.RecommendedTrack;
import io.echotune.music.recommend.TrackRecommender;
import org.springframework.stereotype.Service;

import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Builds and stores playlists: starts from tracks the person already chose (e.g. the ones just shown),
 * then fills up to the wanted length with recommendations for the same request.
 */
@Service
public class PlaylistBuilder {

    public static final int MAX_TRACKS = 100;

    private final Catalog catalog;
    private final TrackRecommender recommender;
    private final ListeningHistory history;
    private final PlaylistRepository repository;
    private final Clock clock;

    public PlaylistBuilder(Catalog catalog, TrackRecommender recommender, ListeningHistory history,
                           PlaylistRepository repository, Clock clock) {
        this.catalog = catalog;
        this.recommender = recommender;
        this.history = history;
        this.repository = repository;
        this.clock = clock;
    }

    public record Built(Playlist playlist, List<Track> tracks) {
    }

    public Built build(String userId, String name, String description, List<String> startWith, RecommendRequest request) {
        int size = Math.clamp(request.count(), 1, MAX_TRACKS);
        Set<String> ids = new LinkedHashSet<>();
        startWith.stream().filter(id -> catalog.find(id).isPresent()).limit(size).forEach(ids::add);
        if (ids.size() < size) {
            RecommendRequest fill = new RecommendRequest(
                    request.seedTrackIds().isEmpty() && !ids.isEmpty() ? List.copyOf(ids) : request.seedTrackIds(),
                    request.seedArtists(), request.genres(), request.targets(), request.moodWords(), request.years(),
                    ids, size - ids.size());
            for (RecommendedTrack r : recommender.recommend(fill, history.taste(userId))) {
                ids.add(r.track().id());
            }
        }
        Playlist playlist = repository.insert(new Playlist(DocumentIds.next(), userId, name, description,
                List.copyOf(ids), clock.instant(), null));
        return new Built(playlist, tracks(playlist));
    }

    public Optional<Playlist> find(String id) {
        return repository.findById(id);
    }

    public List<Playlist> ofUser(String userId) {
        return repository.findByUserIdOrderByCreatedAtDesc(userId);
    }

    public List<Track> tracks(Playlist playlist) {
        List<Track> tracks = new ArrayList<>();
        playlist.trackIds().forEach(id -> catalog.find(id).ifPresent(tracks::add));
        return tracks;
    }
}
