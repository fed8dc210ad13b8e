package io.echotune.music.recommend;

import io.echotune.music.ids.DocumentIds;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.echotune.music.cache.TwoLevelCache;
import io.echotune.music.catalog.Catalog;
import io.echotune.music.history.ListeningHistory;
import io.echotune.music.history.Taste;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Serving recommendations: the user's picks from the cache (in-process, plus Redis when configured) or freshly ranked
 * by {@link TrackRecommender}, and what was shown stored in {@code recommendations} with the algorithm version and
 * each pick's confidence (written behind the reply, in batches: {@link RecommendationLog}). Feedback invalidates the
 * user's cached picks on every instance and counts towards the next retraining.
 */
@Service
public class Recommendations {

    private static final Logger log = LoggerFactory.getLogger(Recommendations.class);
    public static final String CACHE_NAMESPACE = "recommendations";

    private final TrackRecommender recommender;
    private final RecommenderModels models;
    private final ListeningHistory history;
    private final RecommendationLog shown;
    private final TwoLevelCache cache;
    private final Catalog catalog;
    private final Clock clock;
    private final ObjectMapper json = new ObjectMapper();

    public Recommendations(TrackRecommender recommender, RecommenderModels models, ListeningHistory history,
                           RecommendationLog shown, TwoLevelCache cache, Catalog catalog, Clock clock) {
        this.recommender = recommender;
        this.models = models;
        this.history = history;
        this.shown = shown;
        this.cache = cache;
        this.catalog = catalog;
        this.clock = clock;
    }

    /** Recommends tracks for the user and records what was shown. */
    public List<RecommendedTrack> recommend(String userId, RecommendRequest request) {
        String algorithm = recommender.algorithmVersion();
        // the model version is part of the key: a retrained model never serves picks of the previous one
        String key = algorithm + ":" + fingerprint(request);
        TwoLevelCache.Slot slot = cache.slot(CACHE_NAMESPACE, userId, key);
        Served served = slot.get().flatMap(this::decode).orElseGet(() -> {
            Taste taste = history.taste(userId);
            // recommendations are for discovery: what the person already plays or liked is not offered again (it
            // still shapes the picks as taste); playlists, which may well hold favourites, rank without this
            Set<String> known = new HashSet<>(request.exclude());
            known.addAll(taste.liked());
            List<RecommendedTrack> picks = recommender.recommend(userId, request.withExclude(known), taste);
            Served fresh = new Served(algorithm, picks.stream().map(p -> new Pick(p.track().id(), p.score(), p.reason())).toList());
            // without a taste the picks depend on the request alone, and TrackRecommender keeps that ranking for all
            // who ask the same: an entry per new visitor would only push older entries out, rarely be read, and cost
            // the encoding and, under load, the garbage of evicting it
            if (!taste.isEmpty()) {
                // under the key of before the read: feedback meanwhile makes it unreachable
                encode(fresh).ifPresent(slot::put);
            }
            return fresh;
        });
        List<RecommendedTrack> picks = served.picks().stream()
                .flatMap(p -> catalog.find(p.trackId()).map(t -> new RecommendedTrack(t, p.confidence(), p.reason())).stream())
                .toList();
        if (!picks.isEmpty()) {
            shown.add(new RecommendationRecord(DocumentIds.next(), userId,
                    served.picks().stream().map(p -> new RecommendationRecord.Item(p.trackId(), p.confidence(), p.reason())).toList(),
                    served.algorithm(), request.toString(), clock.instant()));
        }
        return picks;
    }

    /** A like or dislike was recorded: the user's cached picks are stale, and the models learn from it soon. */
    public void feedbackRecorded(String userId) {
        cache.invalidate(CACHE_NAMESPACE, userId);
        models.feedbackRecorded();
    }

    /** A cache entry: what was ranked, by which algorithm. */
    record Served(String algorithm, List<Pick> picks) {
    }

    record Pick(String trackId, double confidence, String reason) {
    }

    private Optional<String> encode(Served served) {
        try {
            return Optional.of(json.writeValueAsString(served));
        } catch (JsonProcessingException e) {
            log.warn("Could not cache recommendations: {}", e.toString());
            return Optional.empty();
        }
    }

    private Optional<Served> decode(String value) {
        try {
            return Optional.of(json.readValue(value, Served.class));
        } catch (JsonProcessingException e) {
            return Optional.empty(); // an entry of an older format: recompute
        }
    }

    /** A stable digest of the request (sets sorted), so equal requests share an entry on every instance. */
    static String fingerprint(RecommendRequest r) {
        String canonical = String.join("\u0001", r.seedTrackIds().toString(), r.seedArtists().toString(),
                r.genres().toString(), new TreeMap<>(r.targets().targets()).toString(), r.moodWords().toString(),
                r.years().toString(), new TreeSet<>(r.exclude()).toString(), String.valueOf(r.count()));
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(canonical.getBytes(StandardCharsets.UTF_8));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(digest).substring(0, 22);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
