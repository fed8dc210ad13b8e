package io.echotune.music.recommend;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.echotune.music.catalog.Track;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.HashSet;
import java.util.Set;

/**
 * How much each catalog track shares the shipped data set's playlists with a set of seed tracks.
 *
 * <p>The playlists are people's own groupings ("Hard Rock Classics", "ELECTROPOP", "Sexy Soul"), so they tell what goes
 * with an artist where the other signals cannot: audio features put Metallica beside Coldplay (loud, guitars, 4/4), and
 * the genre labels are too coarse ("pop" holds Daft Punk and Dua Lipa alike). A track counts for every playlist it is
 * in, weighted by the seeds' share of that playlist and damped by the playlist's length, so one long mixed playlist
 * does not outweigh a short focused one.
 */
final class SharedPlaylists {

    /** Playlist → the indexes (in the caller's track order) of its tracks. */
    private final Map<String, int[]> members;
    /**
     * Playlist → the genres it was filed under: those every one of its tracks carries (a track carries the genre and
     * subgenre of each playlist it is in, so the playlist's own are in all of them).
     */
    private final Map<String, Set<String>> filedUnder = new HashMap<>();
    private final List<Track> tracks;
    /**
     * Genre shares by the genres asked for: they depend on those alone, and a request that is not kept whole (a
     * listener with a taste) would otherwise walk every track's playlists again for "some hip hop".
     */
    private final Cache<List<String>, float[]> genreShares = Caffeine.newBuilder().maximumSize(64).build();

    SharedPlaylists(List<Track> tracks) {
        Map<String, List<Integer>> byPlaylist = new HashMap<>();
        for (int i = 0; i < tracks.size(); i++) {
            for (String playlist : tracks.get(i).playlists()) {
                byPlaylist.computeIfAbsent(playlist, p -> new ArrayList<>()).add(i);
            }
        }
        members = new HashMap<>(byPlaylist.size() * 2);
        byPlaylist.forEach((playlist, list) -> members.put(playlist, list.stream().mapToInt(Integer::intValue).toArray()));
        this.tracks = tracks;
        byPlaylist.forEach((playlist, list) -> {
            Set<String> common = new HashSet<>(tracks.get(list.getFirst()).genres());
            list.forEach(i -> common.retainAll(tracks.get(i).genres()));
            filedUnder.put(playlist, common);
        });
    }

    /**
     * Per track, the share of its playlists filed under a wanted genre: 1 for a track only ever filed as hip hop, 1/12
     * for "Dance Monkey", which two of its twelve playlists call latin hip hop. A genre filter alone lets such hits
     * through on one tag and popularity then puts them first; this says how much of a track the genre is. A playlist
     * filed under the genre itself counts 1, one filed under a kind of it ("latin hip hop" for "hip hop") a half:
     * those mix in much else. Tracks in no playlist count 1, as the genre filter already let them in. The array is
     * shared between requests: read it, never write it.
     */
    float[] genreShare(Collection<String> wanted) {
        return genreShares.get(List.copyOf(wanted), this::computeGenreShare);
    }

    private float[] computeGenreShare(List<String> wanted) {
        Map<String, Float> weight = new HashMap<>();
        filedUnder.forEach((playlist, genres) -> weight.put(playlist, genreWeight(genres, wanted)));
        float[] share = new float[tracks.size()];
        for (int i = 0; i < share.length; i++) {
            List<String> playlists = tracks.get(i).playlists();
            float filed = 0;
            for (String p : playlists) {
                filed += weight.getOrDefault(p, 0f);
            }
            share[i] = playlists.isEmpty() ? 1f : filed / playlists.size();
        }
        return share;
    }

    private static float genreWeight(Set<String> genres, Collection<String> wanted) {
        float best = 0;
        for (String genre : genres) {
            for (String w : wanted) {
                if (genre.equals(w)) return 1f;
                if (genre.contains(w)) best = 0.5f;
            }
        }
        return best;
    }

    int playlistCount() {
        return members.size();
    }

    /**
     * How much each track (in the order given to the constructor) shares the seeds' playlists. Null when no seed is in
     * any playlist (tracks learnt from Spotify), so the caller can leave this signal out rather than count it as 0 for
     * everything.
     */
    Affinity affinity(Collection<Track> seeds) {
        Map<String, Double> share = new HashMap<>();
        int inPlaylists = 0;
        for (Track seed : seeds) {
            List<String> playlists = seed.playlists().stream().filter(members::containsKey).toList();
            if (!playlists.isEmpty()) inPlaylists++;
            playlists.forEach(p -> share.merge(p, 1.0, Double::sum));
        }
        if (inPlaylists == 0) {
            return null;
        }
        float[] sums = new float[tracks.size()];
        float best = 0;
        for (Map.Entry<String, Double> e : share.entrySet()) {
            int[] tracks = members.get(e.getKey());
            float weight = (float) (e.getValue() / inPlaylists / Math.sqrt(tracks.length));
            for (int t : tracks) {
                sums[t] += weight;
                best = Math.max(best, sums[t]);
            }
        }
        return new Affinity(sums, 1 / best);
    }

    /**
     * Per track, 0 to 1: 1 for the tracks sharing the most with the seeds, 0 for tracks in none of their playlists.
     * The sums stay as added up, scaled on reading, so a request touches only the tracks of the seeds' playlists
     * rather than the whole catalog a second time.
     */
    record Affinity(float[] sums, float scale) {

        float of(int track) {
            return sums[track] * scale;
        }
    }
}
