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
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
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
            // the recommender keeps each artist to a couple of picks per list, but the tracks a playlist starts with
            // count too: two Avicii songs shown, then two more in the fill, made a 15-song playlist a quarter Avicii
            int perArtist = Math.max(2, size / 10);
            Map<String, Integer> artists = new HashMap<>();
            ids.forEach(id -> catalog.find(id).ifPresent(t -> artists.merge(t.artistLine(), 1, Integer::sum)));
            RecommendRequest fill = new RecommendRequest(
                    request.seedTrackIds().isEmpty() && !ids.isEmpty() ? List.copyOf(ids) : request.seedTrackIds(),
                    request.seedArtists(), request.genres(), request.targets(), request.moodWords(), request.years(),
                    ids, Math.min(RecommendRequest.MAX_COUNT, 2 * (size - ids.size())));
            List<String> overLimit = new ArrayList<>();
            for (RecommendedTrack r : recommender.recommend(fill, history.taste(userId))) {
                if (artists.merge(r.track().artistLine(), 1, Integer::sum) > perArtist) {
                    overLimit.add(r.track().id());
                } else if (ids.size() < size) {
                    ids.add(r.track().id());
                }
            }
            // rather the whole length asked for than the cap, when the catalog runs short of other artists
            overLimit.stream().limit(Math.max(0, size - ids.size())).forEach(ids::add);
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
