package io.echotune.music.history;

import io.echotune.music.ids.DocumentIds;
import org.springframework.data.domain.PageRequest;
import org.springframework.stereotype.Service;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A user's plays, likes and dislikes: what the recommender learns their taste from. */
@Service
public class ListeningHistory {

    /** How far back taste is read; enough for a profile, bounded so a heavy listener stays fast. */
    private static final int TASTE_WINDOW = 500;

    private final ListeningHistoryRepository repository;
    private final Clock clock;

    public ListeningHistory(ListeningHistoryRepository repository, Clock clock) {
        this.repository = repository;
        this.clock = clock;
    }

    public ListeningEvent record(String userId, String trackId, FeedbackKind kind, String source) {
        return repository.insert(new ListeningEvent(DocumentIds.next(), userId, trackId, kind, source,
                clock.instant(), null));
    }

    public List<ListeningEvent> recent(String userId, int limit) {
        return repository.findByUserIdOrderByAtDesc(userId, PageRequest.of(0, limit));
    }

    /**
     * The user's taste as a net weight per track: plays and likes add, dislikes subtract; the latest
     * like/dislike of a track decides its sign, so changing your mind is honoured.
     */
    public Taste taste(String userId) {
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
