package io.echotune.server.web;

import io.echotune.music.tools.MusicTools;
import io.echotune.server.errors.NotFoundException;
import io.echotune.server.identity.Visitor;
import io.echotune.server.identity.WebVisitors;
import org.springframework.stereotype.Service;

/** 👍/👎 from the web chat, stored in the visitor's listening history; the WebSocket and REST both come here. */
@Service
public class TrackFeedback {

    private final WebVisitors visitors;
    private final MusicTools tools;

    public TrackFeedback(WebVisitors visitors, MusicTools tools) {
        this.visitors = visitors;
        this.tools = tools;
    }

    public record Saved(String trackId, boolean liked) {
    }

    public Saved save(Visitor visitor, String trackId, boolean liked) {
        if (trackId == null || tools.track(trackId).isEmpty()) {
            throw new NotFoundException("No track with id " + trackId);
        }
        tools.feedback(visitors.user(visitor).getId(), trackId, liked);
        return new Saved(trackId, liked);
    }
}
