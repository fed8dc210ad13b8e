package io.echotune.music.recommend;

import io.echotune.music.catalog.AudioFeature;
import io.echotune.music.catalog.AudioFeatures;
import io.echotune.music.catalog.Catalog;
import io.echotune.music.catalog.Track;
import io.echotune.music.catalog.TrackCharacter;
import io.echotune.music.history.Taste;
import io.echotune.recommender.hybrid.Explanation;
import io.echotune.recommender.hybrid.HybridRecommender;
import io.echotune.recommender.hybrid.Recommendation;
import io.echotune.recommender.hybrid.RecommendationQuery;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.PriorityQueue;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The one ranking of tracks every planner, the REST endpoint and playlists use. Content: how close a track's audio
 * features and genres are to the seeds (songs, artists, the user's likes) and to the mood/activity targets, with a
 * small popularity prior. Collaborative: once enough people have given feedback, the recommender module's hybrid
 * (ALS + item-kNN + in-app popularity, {@link RecommenderModels}) adds what listeners with a similar taste play,
 * weighted by how much it knows about this listener — with little feedback the ranking degrades to content, moods
 * and popularity. Finally at most a couple of tracks per artist, so a list never turns into one discography.
 *
 * <p>Mood targets stay here rather than in a content model of the hybrid: a {@code FeatureTargets} constrains only the
 * features it names ("calm" says nothing about speechiness), which a whole-vector cosine cannot express.
 */
@Component
public class TrackRecommender {

    private static final AudioFeature[] DIMENSIONS = AudioFeature.values();
    private static final double MAX_DISTANCE = Math.sqrt(DIMENSIONS.length);
    private static final int SEED_TRACKS_PER_ARTIST = 5;
    private static final int MAX_PER_ARTIST = 2;
    /** Liked tracks the collaborative model needs to know before it counts half as much as it can. */
    private static final double CONFIDENCE_HALF = 3.0;
    /** z-score above which the collaborative signal is named in a pick's reason. */
    private static final double EXPLAIN_Z = 0.5;

    private final Catalog catalog;
    private final List<Track> tracks;
    private final float[][] vectors;
    private final Optional<RecommenderModels> models;
    /** Catalog track index → hybrid catalogue index (-1 = unknown to it), computed once per trained model. */
    private volatile IndexMap indexMap;

    /** Content-only: what the server does before anyone has given feedback. */
    public TrackRecommender(Catalog catalog) {
        this(catalog, Optional.empty());
    }

    @Autowired
    public TrackRecommender(Catalog catalog, RecommenderModels models) {
        this(catalog, Optional.of(models));
    }

    private TrackRecommender(Catalog catalog, Optional<RecommenderModels> models) {
        this.catalog = catalog;
        this.models = models;
        this.tracks = catalog.all().stream().filter(t -> t.features().isPresent()).toList();
        this.vectors = new float[tracks.size()][];
        for (int i = 0; i < tracks.size(); i++) {
            vectors[i] = vector(tracks.get(i).features().orElseThrow());
        }
    }

    /** Recommendations from a taste alone (no stored identity): the collaborative model folds the taste in. */
    public List<RecommendedTrack> recommend(RecommendRequest request, Taste taste) {
        return recommend(null, request, taste);
    }

    /** Which algorithm ranks right now, for {@code recommendations.algorithm_version}. */
    public String algorithmVersion() {
        return models.flatMap(RecommenderModels::current).map(CollaborativeModel::algorithmVersion).orElse("content-v1");
    }

    /**
     * @param userId the listener's EchoTune id, so the collaborative model can use their stored history; may be null
     */
    public List<RecommendedTrack> recommend(String userId, RecommendRequest request, Taste taste) {
        Profile seeds = profile(seedTracks(request));
        Profile liked = profile(taste.liked().stream().limit(50).flatMap(id -> catalog.find(id).stream()).toList());
        Set<String> exclude = new HashSet<>(request.exclude());
        exclude.addAll(taste.disliked());
        Set<String> seedArtistKeys = new HashSet<>();
        request.seedArtists().forEach(a -> seedArtistKeys.add(a.toLowerCase()));

        Personal personal = personal(userId, request, taste, seeds);
        int pool = request.count() * 8;
        PriorityQueue<Scored> best = new PriorityQueue<>(pool + 1, (a, b) -> Double.compare(a.score, b.score));
        for (int i = 0; i < tracks.size(); i++) {
            Track track = tracks.get(i);
            if (exclude.contains(track.id()) || !wantedGenre(track, request.genres())
                    || (request.years().isPresent() && track.releaseYear().map(y -> !request.years().get().contains(y)).orElse(true))) {
                continue;
            }
            double score = score(i, request, seeds, liked, personal);
            if (best.size() < pool) {
                best.add(new Scored(i, score));
            } else if (score > best.peek().score) {
                best.poll();
                best.add(new Scored(i, score));
            }
        }
        List<Scored> ranked = new ArrayList<>(best);
        ranked.sort((a, b) -> Double.compare(b.score, a.score));
        return diversify(ranked, request, seeds, seedArtistKeys, personal);
    }

    private double score(int i, RecommendRequest request, Profile seeds, Profile liked, Personal personal) {
        Track track = tracks.get(i);
        double total = 0;
        double weights = 0;
        if (seeds != null) {
            total += 3.0 * seeds.similarity(vectors[i], track.genres());
            weights += 3.0;
        }
        if (!request.targets().isEmpty()) {
            total += 3.0 * request.targets().fit(track.features().orElseThrow());
            weights += 3.0;
        }
        if (liked != null) {
            // the user's taste personalises, but an explicit request in this turn outweighs it
            double w = (seeds == null && request.targets().isEmpty()) ? 3.0 : 1.0;
            total += w * liked.similarity(vectors[i], track.genres());
            weights += w;
        }
        if (personal != null) {
            total += personal.weight * personal.fit(i);
            weights += personal.weight;
        }
        total += 0.5 * track.popularity() / 100.0;
        weights += 0.5;
        return total / weights;
    }

    private List<RecommendedTrack> diversify(List<Scored> ranked, RecommendRequest request, Profile seeds, Set<String> seedArtists,
                                             Personal personal) {
        Map<String, Integer> perArtist = new HashMap<>();
        Set<String> titles = new HashSet<>();
        List<RecommendedTrack> picked = new ArrayList<>();
        for (Scored s : ranked) {
            Track track = tracks.get(s.index);
            String artist = track.artistLine().toLowerCase();
            int limit = seedArtists.contains(artist) ? 1 : MAX_PER_ARTIST;
            if (perArtist.getOrDefault(artist, 0) >= limit || !titles.add(artist + "|" + track.title().toLowerCase())) {
                continue;
            }
            perArtist.merge(artist, 1, Integer::sum);
            picked.add(new RecommendedTrack(track, s.score, reason(track, request, seeds)));
            if (picked.size() == request.count()) {
                break;
            }
        }
        return personal == null ? picked : personal.explain(picked);
    }

    /**
     * The collaborative model's opinion of every track for this listener, or null when there is no model or it knows
     * nothing about them (then the ranking is exactly the content one).
     */
    private Personal personal(String userId, RecommendRequest request, Taste taste, Profile seeds) {
        Optional<CollaborativeModel> model = models.flatMap(RecommenderModels::current);
        if (model.isEmpty()) {
            return null;
        }
        HybridRecommender hybrid = model.get().recommender();
        List<String> liked = taste.liked().stream().limit(50).toList();
        long known = liked.stream().filter(id -> hybrid.catalogue().indexOf(id) >= 0).count();
        if (known == 0) {
            return null; // taste reads the latest 500 events, so a listener with stored history has known likes here
        }
        // the latest likes count even before the next training: they join the query as seeds, stored history as history
        RecommendationQuery query = RecommendationQuery.forUser(userId)
                .seeds(Stream.concat(request.seedTrackIds().stream(), liked.stream()).distinct().toList())
                .dislikes(taste.disliked()).includeKnown(true).count(1).build();
        float[] z = hybrid.scores(query);
        double confidence = known / (known + CONFIDENCE_HALF);
        // an explicit request in this turn (seeds, mood) outweighs taste, as for the content profile of likes
        boolean explicit = seeds != null || !request.targets().isEmpty();
        double weight = confidence * (explicit ? 1.5 : 4.0);
        return new Personal(hybrid, indexMap(hybrid), z, weight, query, new HashSet<>(request.seedTrackIds()));
    }

    private int[] indexMap(HybridRecommender hybrid) {
        IndexMap map = indexMap;
        if (map == null || map.hybrid != hybrid) {
            int[] index = new int[tracks.size()];
            for (int i = 0; i < index.length; i++) {
                index[i] = hybrid.catalogue().indexOf(tracks.get(i).id());
            }
            map = new IndexMap(hybrid, index);
            indexMap = map;
        }
        return map.index;
    }

    private record IndexMap(HybridRecommender hybrid, int[] index) {
    }

    /** The collaborative signal for one request. */
    private final class Personal {
        final HybridRecommender hybrid;
        final int[] index;
        final float[] z;
        final double weight;
        final RecommendationQuery query;
        final Set<String> requestSeeds;

        Personal(HybridRecommender hybrid, int[] index, float[] z, double weight, RecommendationQuery query, Set<String> requestSeeds) {
            this.hybrid = hybrid;
            this.index = index;
            this.z = z;
            this.weight = weight;
            this.query = query;
            this.requestSeeds = requestSeeds;
        }

        /** The blended z-score squashed to 0..1; 0.5 (no opinion) for tracks it does not know or masked ones. */
        double fit(int track) {
            double s = zOf(track);
            return 1.0 / (1.0 + Math.exp(-s));
        }

        double zOf(int track) {
            int h = index[track];
            if (h < 0) return 0;
            float s = z[h];
            return Float.isFinite(s) ? s : 0;
        }

        /** Adds "because you liked …" / "listeners with your taste" to picks the collaborative signal carried. */
        List<RecommendedTrack> explain(List<RecommendedTrack> picks) {
            Map<String, Integer> trackIndex = new HashMap<>();
            for (RecommendedTrack p : picks) {
                int h = hybrid.catalogue().indexOf(p.track().id());
                if (h >= 0 && Float.isFinite(z[h]) && z[h] >= EXPLAIN_Z) {
                    trackIndex.put(p.track().id(), h);
                }
            }
            if (trackIndex.isEmpty()) {
                return picks;
            }
            RecommendationQuery only = new RecommendationQuery(query.userId(), query.seedItemIds(), query.dislikedItemIds(),
                    Optional.empty(), Set.of(), Optional.of(trackIndex::containsKey), trackIndex.size(), 0, true);
            Map<String, Explanation> why = hybrid.recommend(only).stream()
                    .collect(Collectors.toMap(Recommendation::itemId, Recommendation::explanation, (a, b) -> a));
            List<RecommendedTrack> out = new ArrayList<>(picks.size());
            for (RecommendedTrack p : picks) {
                String words = words(why.get(p.track().id()));
                out.add(words == null ? p : new RecommendedTrack(p.track(), p.score(), words + "; " + p.reason()));
            }
            return out;
        }

        private String words(Explanation e) {
            if (e == null) return null;
            return switch (e.kind()) {
                case BECAUSE_YOU_PLAYED, SIMILAR_TO_SEEDS -> {
                    List<String> names = e.seedItemIds().stream().filter(id -> !requestSeeds.contains(id))
                            .flatMap(id -> catalog.find(id).stream()).map(Track::display).limit(1).toList();
                    yield names.isEmpty() ? "listeners with your taste play it" : "because you liked " + names.getFirst();
                }
                case LISTENERS_LIKE_YOU -> "listeners with your taste play it";
                case MATCHES_FEATURES, POPULAR -> null;
            };
        }
    }

    private String reason(Track track, RecommendRequest request, Profile seeds) {
        List<String> parts = new ArrayList<>();
        List<String> character = TrackCharacter.describe(track.features().orElseThrow());
        if (seeds != null && !seeds.names.isEmpty()) {
            parts.add("similar to " + String.join(" and ", seeds.names.stream().limit(2).toList()));
        }
        if (!request.moodWords().isEmpty()) {
            parts.add("fits " + String.join(", ", request.moodWords()));
        }
        if (!request.genres().isEmpty()) {
            parts.add(track.genre());
        }
        if (!character.isEmpty()) {
            parts.add(String.join(", ", character));
        }
        if (parts.isEmpty()) {
            parts.add("popular in " + track.genre());
        }
        return String.join("; ", parts);
    }

    private List<Track> seedTracks(RecommendRequest request) {
        List<Track> seeds = new ArrayList<>();
        request.seedTrackIds().forEach(id -> catalog.find(id).ifPresent(seeds::add));
        for (String artist : request.seedArtists()) {
            seeds.addAll(catalog.byArtist(artist).stream().filter(t -> t.features().isPresent()).limit(SEED_TRACKS_PER_ARTIST).toList());
        }
        return seeds;
    }

    private Profile profile(List<Track> seeds) {
        List<Track> withFeatures = seeds.stream().filter(t -> t.features().isPresent()).toList();
        if (withFeatures.isEmpty()) {
            return null;
        }
        float[] centroid = new float[DIMENSIONS.length];
        Map<String, Integer> genreCounts = new HashMap<>();
        for (Track t : withFeatures) {
            float[] v = vector(t.features().orElseThrow());
            for (int d = 0; d < centroid.length; d++) centroid[d] += v[d] / withFeatures.size();
            t.genres().forEach(g -> genreCounts.merge(g, 1, Integer::sum));
        }
        List<String> names = new ArrayList<>();
        withFeatures.stream().map(Track::artistLine).distinct().limit(2).forEach(names::add);
        return new Profile(centroid, genreCounts, withFeatures.size(), names);
    }

    /** "hip hop" matches the subgenres "southern hip hop" and "latin hip hop" as well as "hip hop". */
    static boolean wantedGenre(Track track, Collection<String> genres) {
        if (genres.isEmpty()) return true;
        for (String wanted : genres) {
            for (String g : track.genres()) {
                if (g.equals(wanted) || g.contains(wanted)) return true;
            }
        }
        return false;
    }

    private static float[] vector(AudioFeatures features) {
        float[] v = new float[DIMENSIONS.length];
        for (int d = 0; d < v.length; d++) v[d] = (float) features.get(DIMENSIONS[d]);
        return v;
    }

    private record Scored(int index, double score) {
    }

    /** The centre of a set of tracks in feature space plus how often each genre occurs among them. */
    private record Profile(float[] centroid, Map<String, Integer> genreCounts, int size, List<String> names) {

        double similarity(float[] v, List<String> genres) {
            double sum = 0;
            for (int d = 0; d < v.length; d++) {
                double diff = v[d] - centroid[d];
                sum += diff * diff;
            }
            double featureSimilarity = 1.0 - Math.sqrt(sum) / MAX_DISTANCE;
            double genreShare = 0;
            for (String g : genres) {
                genreShare = Math.max(genreShare, genreCounts.getOrDefault(g, 0) / (double) size);
            }
            return 0.6 * featureSimilarity + 0.4 * genreShare;
        }
    }
}
