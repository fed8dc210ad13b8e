package io.echotune.music.recommend;

import io.echotune.music.catalog.AudioFeature;
import io.echotune.music.catalog.AudioFeatures;
import io.echotune.music.catalog.Catalog;
import io.echotune.music.catalog.Track;
import io.echotune.music.catalog.TrackCharacter;
import io.echotune.music.history.Taste;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.Set;

/**
 * Content-based recommendations over the catalog: how close a track's audio features and genres are to
 * the seeds (songs, artists, the user's likes) and to the mood/activity targets, with a small popularity
 * prior, and at most a couple of tracks per artist so a list never turns into one artist's discography.
 */
@Component
public class TrackRecommender {

    private static final AudioFeature[] DIMENSIONS = AudioFeature.values();
    private static final double MAX_DISTANCE = Math.sqrt(DIMENSIONS.length);
    private static final int SEED_TRACKS_PER_ARTIST = 5;
    private static final int MAX_PER_ARTIST = 2;

    private final Catalog catalog;
    private final List<Track> tracks;
    private final float[][] vectors;

    public TrackRecommender(Catalog catalog) {
        this.catalog = catalog;
        this.tracks = catalog.all().stream().filter(t -> t.features().isPresent()).toList();
        this.vectors = new float[tracks.size()][];
        for (int i = 0; i < tracks.size(); i++) {
            vectors[i] = vector(tracks.get(i).features().orElseThrow());
        }
    }

    public List<RecommendedTrack> recommend(RecommendRequest request, Taste taste) {
        Profile seeds = profile(seedTracks(request));
        Profile liked = profile(taste.liked().stream().limit(50).flatMap(id -> catalog.find(id).stream()).toList());
        Set<String> exclude = new HashSet<>(request.exclude());
        exclude.addAll(taste.disliked());
        Set<String> seedArtistKeys = new HashSet<>();
        request.seedArtists().forEach(a -> seedArtistKeys.add(a.toLowerCase()));

        int pool = request.count() * 8;
        PriorityQueue<Scored> best = new PriorityQueue<>(pool + 1, (a, b) -> Double.compare(a.score, b.score));
        for (int i = 0; i < tracks.size(); i++) {
            Track track = tracks.get(i);
            if (exclude.contains(track.id()) || !wantedGenre(track, request.genres())
                    || (request.years().isPresent() && track.releaseYear().map(y -> !request.years().get().contains(y)).orElse(true))) {
                continue;
            }
            double score = score(i, request, seeds, liked);
            if (best.size() < pool) {
                best.add(new Scored(i, score));
            } else if (score > best.peek().score) {
                best.poll();
                best.add(new Scored(i, score));
            }
        }
        List<Scored> ranked = new ArrayList<>(best);
        ranked.sort((a, b) -> Double.compare(b.score, a.score));
        return diversify(ranked, request, seeds, seedArtistKeys);
    }

    private double score(int i, RecommendRequest request, Profile seeds, Profile liked) {
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
        total += 0.5 * track.popularity() / 100.0;
        weights += 0.5;
        return total / weights;
    }

    private List<RecommendedTrack> diversify(List<Scored> ranked, RecommendRequest request, Profile seeds, Set<String> seedArtists) {
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
        return picked;
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
