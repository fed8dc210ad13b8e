package io.echotune.server.web;

import io.echotune.bot.sessions.ChatSession;
import io.echotune.bot.sessions.SessionTurn;
import io.echotune.music.history.FeedbackKind;
import io.echotune.music.history.ListeningEvent;
import io.echotune.music.history.ListeningHistory;
import io.echotune.music.playlists.PlaylistBuilder;
import io.echotune.music.tools.MusicTools;
import io.echotune.server.chat.TrackView;
import io.echotune.server.errors.NotFoundException;
import io.echotune.server.identity.Visitor;
import io.echotune.server.identity.WebVisitors;
import io.echotune.server.playlists.PlaylistView;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What the web chat needs besides the chat itself: the visitor's own conversations (with the track details to redraw
 * them), their playlists, and 👍/👎 on a track for clients that are not on the WebSocket.
 */
@RestController
public class WebChatController {

    /** How many recent history entries are read to show the current 👍/👎 of a conversation's tracks. */
    private static final int FEEDBACK_WINDOW = 500;

    private final WebVisitors visitors;
    private final MusicTools tools;
    private final PlaylistBuilder playlists;
    private final ListeningHistory history;
    private final TrackFeedback feedback;

    public WebChatController(WebVisitors visitors, MusicTools tools, PlaylistBuilder playlists, ListeningHistory history,
                             TrackFeedback feedback) {
        this.feedback = feedback;
        this.visitors = visitors;
        this.tools = tools;
        this.playlists = playlists;
        this.history = history;
    }

    @GetMapping(path = "/api/web/sessions/{id}", produces = MediaType.APPLICATION_JSON_VALUE)
    public WebSessionView session(Visitor visitor, @PathVariable String id) {
        ChatSession session = visitors.ownedSession(visitor, id).orElseThrow(() -> new NotFoundException("No conversation with id " + id));
        Set<String> shown = new HashSet<>();
        List<WebSessionView.Turn> turns = session.turns().stream().map(t -> {
            shown.addAll(t.trackIds());
            return turn(t);
        }).toList();
        return new WebSessionView(session.id(), session.createdAt(), session.updatedAt(), turns, verdicts(session.userId(), shown));
    }

    @GetMapping(path = "/api/web/playlists", produces = MediaType.APPLICATION_JSON_VALUE)
    public List<PlaylistView> playlists(Visitor visitor) {
        return visitors.existingUser(visitor).map(user -> playlists.ofUser(user.getId()).stream()
                .map(p -> PlaylistView.of(p, playlists.tracks(p))).toList()).orElse(List.of());
    }

    public record FeedbackRequest(
            @NotNull(message = "must name a track") @Pattern(regexp = "[A-Za-z0-9]{1,64}", message = "must be a track id") String trackId,
            @NotNull(message = "must be true (👍) or false (👎)") Boolean liked) {
    }

    @PostMapping(path = "/api/web/feedback", consumes = MediaType.APPLICATION_JSON_VALUE, produces = MediaType.APPLICATION_JSON_VALUE)
    public TrackFeedback.Saved feedback(Visitor visitor, @Valid @RequestBody FeedbackRequest request) {
        return feedback.save(visitor, request.trackId(), request.liked());
    }

    private WebSessionView.Turn turn(SessionTurn t) {
        List<TrackView> tracks = t.trackIds().stream().flatMap(id -> tools.track(id).stream()).map(track -> TrackView.of(track, null)).toList();
        PlaylistView playlist = t.playlistId() == null ? null
                : playlists.find(t.playlistId()).map(p -> PlaylistView.of(p, playlists.tracks(p))).orElse(null);
        return new WebSessionView.Turn(t.at(), t.userText(), t.replyText(), t.intent(), tracks, playlist);
    }

    private Map<String, Boolean> verdicts(String userId, Set<String> trackIds) {
        Map<String, Boolean> verdicts = new LinkedHashMap<>();
        for (ListeningEvent event : history.recent(userId, FEEDBACK_WINDOW)) { // newest first: the latest verdict wins
            if (trackIds.contains(event.trackId()) && (event.kind() == FeedbackKind.LIKE || event.kind() == FeedbackKind.DISLIKE)) {
                verdicts.putIfAbsent(event.trackId(), event.kind() == FeedbackKind.LIKE);
            }
        }
        return verdicts;
    }
}
