package io.echotune.music.recommend;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.echotune.music.catalog.AudioFeature;
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
 * features and genres are to the seeds (songs, artists, the user's likes), how much it shares the catalog's playlists
 * with them ({@link SharedPlaylists}), and how well it fits the mood/activity targets, with a small popularity prior.
 * Collaborative: once enough people have given feedback, the recommender module's hybrid (ALS + item-kNN + in-app
 * popularity, {@link RecommenderModels}) adds what listeners with a similar taste play, weighted by how much it knows
 * about this listener — with little feedback the ranking degrades to content, moods and popularity. Finally at most
 * a couple of tracks per artist, so a list never turns into one discography.
 *
 * <p>Mood targets stay here rather than in a content model of the hybrid: a {@code FeatureTargets} constrains only the
 * features it names ("calm" says nothing about speechiness), which a whole-vector cosine cannot express.
 */
@Component
public class TrackRecommender {

    private static final AudioFeature[] DIMENSIONS = TrackColumns.DIMENSIONS;
    private static final double MAX_DISTANCE = Math.sqrt(DIMENSIONS.length);
    private static final int SEED_TRACKS_PER_ARTIST = 5;
    private static final int MAX_PER_ARTIST = 2;
    /** Liked tracks the collaborative model needs to know before it counts half as much as it can. */
    private static final double CONFIDENCE_HALF = 3.0;
    /** z-score above which the collaborative signal is named in a pick's reason. */
    private static final double EXPLAIN_Z = 0.5;
    /**
     * How a seed profile's parts count when the seeds are in the catalog's playlists. {@link SeedArtistEvaluation}
     * on a split of its own (seed 1) found the figures flat from 0.25 to 0.8 for playlists, once they count at all
     * (P@10 0.116 without them, 0.218–0.226 with); a half keeps sound and genre a real say beside a mood.
     */
    private static final double W_FEATURES = 0.3;
    private static final double W_GENRES = 0.2;
    private static final double W_PLAYLISTS = 0.5;
    /** Playlist affinity from which a pick's reason names the shared playlists rather than a likeness of sound. */
    private static final float GROUPED_AFFINITY = 0.25f;

    /**
     * Ranked tracks kept over all cached content-only requests (about 30 bytes each, so a few MB): bounded by weight
     * rather than by request count, since a pool is 8 × the count asked for and a count can be up to 100.
     */
    private static final long CONTENT_RANKING_TRACKS_KEPT = 200_000;

    private final Catalog catalog;
    private final TrackColumns columns;
    private final List<Track> tracks;
    private final float[][] vectors;
    private final SharedPlaylists playlists;
    private final Optional<RecommenderModels> models;
    /**
     * Content-only rankings by request (exclusions left out). Without collaborative signal or likes the ranking depends
     * on the request alone, and many people ask the same things ("upbeat workout music"), so the scan over the whole
     * catalog runs once per distinct request rather than once per person.
     */
    private final Cache<RecommendRequest, List<Scored>> contentRankings =
            Caffeine.newBuilder().maximumWeight(CONTENT_RANKING_TRACKS_KEPT).<RecommendRequest, List<Scored>>weigher((request, ranked) -> ranked.size())
                    .build();
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
        this.columns = new TrackColumns(catalog.all());
        this.tracks = columns.tracks;
        this.vectors = columns.vectors;
        this.playlists = new SharedPlaylists(tracks);
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
        // the feature centroid takes an artist's few most popular songs; their playlists are spread over all of them
        Profile seeds = profile(seedTracks(request, SEED_TRACKS_PER_ARTIST), seedTracks(request, Integer.MAX_VALUE));
        Personal personal = personal(userId, request, taste, seeds);
        List<Track> likedTracks = taste.liked().stream().limit(50).flatMap(id -> catalog.find(id).stream()).toList();
        // the likes' playlists stand for a taste until the collaborative model knows the listener; then it speaks for
        // that taste, and the playlists of a few likes would drown what listeners like them play
        Profile liked = profile(likedTracks, personal == null ? likedTracks : List.of());
        Set<String> exclude = new HashSet<>(request.exclude());
        exclude.addAll(taste.disliked());
        Set<String> seedArtistKeys = new HashSet<>();
        request.seedArtists().forEach(a -> seedArtistKeys.add(a.toLowerCase()));

        if (personal == null && liked == null) {
            // the ranking depends on the request alone: rank once without exclusions, then skip what is excluded. The
            // kept pool minus the excluded tracks is a prefix of what a fresh scan would rank, so whenever that prefix
            // still fills the list the picks are exactly a fresh scan's.
            List<Scored> ranked = contentRankings.get(request.withExclude(Set.of()), r -> rank(r, Set.of(), seeds, null, null));
            List<Scored> allowed = exclude.isEmpty() ? ranked
                    : ranked.stream().filter(s -> !exclude.contains(tracks.get(s.index).id())).toList();
            List<RecommendedTrack> picks = diversify(allowed, request, seeds, null, seedArtistKeys, null);
            if (picks.size() == request.count() || allowed.size() == ranked.size()) {
                return picks;
            }
        }
        return diversify(rank(request, exclude, seeds, liked, personal), request, seeds, liked, seedArtistKeys, personal);
    }

    /** The best-scoring tracks for a request, best first: a pool several times the count, for diversification. */
    private List<Scored> rank(RecommendRequest request, Set<String> exclude, Profile seeds, Profile liked, Personal personal) {
        int pool = request.count() * 8;
        boolean[] genres = columns.wantedGenres(request.genres());
        Optional<RecommendRequest.YearRange> years = request.years();
        Targets targets = Targets.of(request);
        float[] genreShare = genres == null ? null : playlists.genreShare(request.genres());
        PriorityQueue<Scored> best = new PriorityQueue<>(pool + 1, (a, b) -> Double.compare(a.score, b.score));
        for (int i = 0; i < tracks.size(); i++) {
            if (!columns.hasGenre(i, genres) || (years.isPresent() && !columns.inYears(i, years.get()))
                    || (!exclude.isEmpty() && exclude.contains(tracks.get(i).id()))) {
                continue;
            }
            double score = score(i, targets, genreShare, seeds, liked, personal);
            if (best.size() < pool) {
                best.add(new Scored(i, score));
            } else if (score > best.peek().score) {
                best.poll();
                best.add(new Scored(i, score));
            }
        }
        List<Scored> ranked = new ArrayList<>(best);
        ranked.sort((a, b) -> Double.compare(b.score, a.score));
        return List.copyOf(ranked);
    }

    private double score(int i, Targets targets, float[] genreShare, Profile seeds, Profile liked, Personal personal) {
        double total = 0;
        double weights = 0;
        if (genreShare != null) {
            // how much of the track the asked-for genre is, not only whether it was ever filed so
            total += 2.0 * genreShare[i];
            weights += 2.0;
        }
        if (seeds != null) {
            total += 3.0 * seeds.similarity(vectors[i], columns.genresOf(i), i);
            weights += 3.0;
        }
        if (targets != null) {
            total += 3.0 * targets.fit(columns, i);
            weights += 3.0;
        }
        if (liked != null) {
            // the user's taste personalises, but an explicit request in this turn outweighs it
            double w = (seeds == null && targets == null) ? 3.0 : 1.0;
            total += w * liked.similarity(vectors[i], columns.genresOf(i), i);
            weights += w;
        }
        if (personal != null) {
            total += personal.weight * personal.fit(i);
            weights += personal.weight;
        }
        total += 0.5 * columns.popularity(i);
        weights += 0.5;
        return total / weights;
    }

    /**
     * A request's mood targets as parallel arrays: {@link io.echotune.music.mood.FeatureTargets#fit} without a map
     * walk per track. Same formula: 1 on target, falling with the root-mean-square distance over the named features.
     */
    private record Targets(int[] dimensions, double[] values) {

        static Targets of(RecommendRequest request) {
            var named = request.targets().targets();
            if (named.isEmpty()) {
                return null;
            }
            int[] dimensions = new int[named.size()];
            double[] values = new double[named.size()];
            int k = 0;
            for (var e : named.entrySet()) {
                dimensions[k] = e.getKey().ordinal();
                values[k++] = e.getValue();
            }
            return new Targets(dimensions, values);
        }

        double fit(TrackColumns columns, int track) {
            double sum = 0;
            for (int k = 0; k < dimensions.length; k++) {
                double d = columns.feature(track, dimensions[k]) - values[k];
                sum += d * d;
            }
            return 1.0 - Math.sqrt(sum / dimensions.length);
        }
    }

    private List<RecommendedTrack> diversify(List<Scored> ranked, RecommendRequest request, Profile seeds, Profile liked,
                                             Set<String> seedArtists, Personal personal) {
        Map<String, Integer> perArtist = new HashMap<>();
        Set<String> titles = new HashSet<>();
        List<RecommendedTrack> picked = new ArrayList<>();
        for (Scored s : ranked) {
            Track track = tracks.get(s.index);
            String artist = track.artistLine().toLowerCase();
            int limit = seedArtists.contains(artist) ? 1 : MAX_PER_ARTIST;
            // one version of a song: "Stairway to Heaven - Remaster" and "- 1990 Remaster" are the same to a listener
            if (perArtist.getOrDefault(artist, 0) >= limit || !titles.add(columns.songKey(s.index))) {
                continue;
            }
            perArtist.merge(artist, 1, Integer::sum);
            // with the collaborative model on, it explains the taste part itself ("because you liked …")
            picked.add(new RecommendedTrack(track, s.score, reason(s.index, request, seeds, personal == null ? liked : null)));
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

    private String reason(int index, RecommendRequest request, Profile seeds, Profile liked) {
        Track track = tracks.get(index);
        List<String> parts = new ArrayList<>();
        List<String> character = TrackCharacter.describe(track.features().orElseThrow());
        if (seeds != null && !seeds.names.isEmpty()) {
            parts.add(likeness(seeds, index, ""));
        } else if (liked != null && !liked.names.isEmpty() && request.targets().isEmpty() && request.genres().isEmpty()) {
            // nothing asked for in particular: the likes made the list, so they are the reason
            parts.add(likeness(liked, index, ", which you liked"));
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

    /** "often in playlists with Daft Punk" when shared playlists carry the pick, else "similar to Daft Punk". */
    private static String likeness(Profile profile, int index, String suffix) {
        String names = String.join(" and ", profile.names.stream().limit(2).toList()) + suffix;
        boolean grouped = profile.playlistAffinity != null && profile.playlistAffinity.of(index) >= GROUPED_AFFINITY;
        return (grouped ? "often in playlists with " : "similar to ") + names;
    }

    /** The request's seed tracks and, for each seed artist, their most popular songs with audio features. */
    private List<Track> seedTracks(RecommendRequest request, int perArtist) {
        List<Track> seeds = new ArrayList<>();
        request.seedTrackIds().forEach(id -> catalog.find(id).ifPresent(seeds::add));
        for (String artist : request.seedArtists()) {
            seeds.addAll(catalog.byArtist(artist).stream().filter(t -> t.features().isPresent()).limit(perArtist).toList());
        }
        return seeds;
    }

    private Profile profile(List<Track> seeds, List<Track> playlistSeeds) {
        List<Track> withFeatures = seeds.stream().filter(t -> t.features().isPresent()).toList();
        if (withFeatures.isEmpty()) {
            return null;
        }
        float[] centroid = new float[DIMENSIONS.length];
        double[] genreShares = new double[columns.genreCount()];
        for (Track t : withFeatures) {
            double[] v = TrackColumns.vector(t.features().orElseThrow());
            for (int d = 0; d < centroid.length; d++) centroid[d] += (float) v[d] / withFeatures.size();
            for (String g : t.genres()) {
                int index = columns.genreIndex(g);
                if (index >= 0) genreShares[index] += 1.0 / withFeatures.size();
            }
        }
        List<String> names = new ArrayList<>();
        withFeatures.stream().map(Track::artistLine).distinct().limit(2).forEach(names::add);
        return new Profile(centroid, genreShares, playlists.affinity(playlistSeeds), names);
    }

    private record Scored(int index, double score) {
    }

    /**
     * The centre of a set of tracks in feature space, the share of them in each catalog genre, and how much every
     * catalog track shares their playlists (null for seeds in no playlist, e.g. tracks learnt from Spotify).
     */
    private record Profile(float[] centroid, double[] genreShares, SharedPlaylists.Affinity playlistAffinity, List<String> names) {

        double similarity(float[] v, int[] genres, int track) {
            double sum = 0;
            for (int d = 0; d < v.length; d++) {
                double diff = v[d] - centroid[d];
                sum += diff * diff;
            }
            double featureSimilarity = 1.0 - Math.sqrt(sum) / MAX_DISTANCE;
            double genreShare = 0;
            for (int g : genres) {
                genreShare = Math.max(genreShare, genreShares[g]);
            }
            if (playlistAffinity == null) {
                return 0.6 * featureSimilarity + 0.4 * genreShare;
            }
            return W_FEATURES * featureSimilarity + W_GENRES * genreShare + W_PLAYLISTS * playlistAffinity.of(track);
        }
    }
}
