package io.echotune.music.history;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.echotune.music.cache.TwoLevelCache;
import io.echotune.music.ids.DocumentIds;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.domain.PageRequest;
import org.springframework.stereotype.Service;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A user's plays, likes and dislikes: what the recommender learns their taste from.
 *
 * <p>Tastes are cached (in process, and in Redis when configured): without secondary indexes in the embedded database
 * every read of a history scans the collection, and most people who chat have no history at all, which a new user's
 * cached empty taste answers without a read. Every write of someone's history forgets their taste on every instance.
 */
@Service
public class ListeningHistory {

    public static final String CACHE_NAMESPACE = "taste";
    /** The cached form's version: a new format never reads an old entry. */
    private static final String CACHE_KEY = "weights-v1";
    private static final TypeReference<Map<String, Double>> WEIGHTS = new TypeReference<>() { };
    private static final Logger log = LoggerFactory.getLogger(ListeningHistory.class);

    /** How far back taste is read; enough for a profile, bounded so a heavy listener stays fast. */
    private static final int TASTE_WINDOW = 500;

    private final ListeningHistoryRepository repository;
    private final TwoLevelCache cache;
    private final Clock clock;
    private final ObjectMapper json = new ObjectMapper();

    public ListeningHistory(ListeningHistoryRepository repository, TwoLevelCache cache, Clock clock) {
        this.repository = repository;
        this.cache = cache;
        this.clock = clock;
    }

    public ListeningEvent record(String userId, String trackId, FeedbackKind kind, String source) {
        ListeningEvent event = repository.insert(new ListeningEvent(DocumentIds.next(), userId, trackId, kind, source,
                clock.instant(), null));
        changed(userId);
        return event;
    }

    /** A user created just now: nothing to read until something is recorded for them. */
    public void userCreated(String userId) {
        cache.put(CACHE_NAMESPACE, userId, CACHE_KEY, "{}");
    }

    /** The user's history was written other than through {@link #record} (an import, a merge of two users). */
    public void changed(String userId) {
        cache.invalidate(CACHE_NAMESPACE, userId);
    }

    public List<ListeningEvent> recent(String userId, int limit) {
        return repository.findByUserIdOrderByAtDesc(userId, PageRequest.of(0, limit));
    }

    /**
     * The user's taste as a net weight per track: plays and likes add, dislikes subtract; the latest
     * like/dislike of a track decides its sign, so changing your mind is honoured.
     */
    public Taste taste(String userId) {
        TwoLevelCache.Slot slot = cache.slot(CACHE_NAMESPACE, userId, CACHE_KEY);
        Optional<Taste> cached = slot.get().flatMap(this::decode);
        if (cached.isPresent()) {
            return cached.get();
        }
        Taste taste = read(userId);
        encode(taste).ifPresent(slot::put); // under the key of before the read: a write meanwhile makes it unreachable
        return taste;
    }

    private Optional<Taste> decode(String value) {
        try {
            return Optional.of(new Taste(json.readValue(value, WEIGHTS)));
        } catch (JsonProcessingException e) {
            return Optional.empty(); // not ours to fail on: read the history instead
        }
    }

    private Optional<String> encode(Taste taste) {
        try {
            return Optional.of(json.writeValueAsString(taste.weights()));
        } catch (JsonProcessingException e) {
            log.warn("Could not cache a taste: {}", e.toString());
            return Optional.empty();
        }
    }

    private Taste read(String userId) {
        Map<String, Double> weights = new LinkedHashMap<>();
        Map<String, FeedbackKind> verdicts = new LinkedHashMap<>();
        for (ListeningEvent event : recent(userId, TASTE_WINDOW)) { // newest first
            weights.merge(event.trackId(), Math.abs(event.kind().weight()), Double::sum);
            if (event.kind() == FeedbackKind.LIKE || event.kind() == FeedbackKind.DISLIKE) {
                verdicts.putIfAbsent(event.trackId(), event.kind());
            }
        }
        verdicts.forEach((track, kind) -> {
            if (kind == FeedbackKind.DISLIKE) {
                weights.put(track, -Math.abs(weights.get(track)));
            }
        });
        return new Taste(weights);
    }
}
