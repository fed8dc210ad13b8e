package io.echotune.music.history;

import io.echotune.music.cache.TwoLevelCache;
import io.echotune.music.ids.DocumentIds;
import org.springframework.data.domain.PageRequest;
import org.springframework.stereotype.Service;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A user's plays, likes and dislikes: what the recommender learns their taste from.
 *
 * <p>Most people who chat have no history at all, and without secondary indexes in the embedded database every taste
 * read scans the collection. So the cache remembers who has none yet (a new user, or a read that found nothing), on
 * every instance when Redis is configured; every write of someone's history forgets it again.
 */
@Service
public class ListeningHistory {

    public static final String CACHE_NAMESPACE = "taste";
    private static final String NO_HISTORY = "none";

    /** How far back taste is read; enough for a profile, bounded so a heavy listener stays fast. */
    private static final int TASTE_WINDOW = 500;

    private final ListeningHistoryRepository repository;
    private final TwoLevelCache cache;
    private final Clock clock;

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
        cache.put(CACHE_NAMESPACE, userId, NO_HISTORY, NO_HISTORY);
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
        TwoLevelCache.Slot none = cache.slot(CACHE_NAMESPACE, userId, NO_HISTORY);
        if (none.get().isPresent()) {
            return new Taste(Map.of());
        }
        Taste taste = read(userId);
        if (taste.isEmpty()) {
            none.put(NO_HISTORY);
        }
        return taste;
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
