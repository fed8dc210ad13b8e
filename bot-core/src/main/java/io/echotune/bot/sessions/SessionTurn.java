package io.echotune.bot.sessions;

import java.time.Instant;
import java.util.List;

/** One exchange as stored in {@code chat_sessions}: what the person said and what EchoTune answered. */
public record SessionTurn(
        Instant at,
        String userText,
        String replyText,
        String intent,
        double confidence,
        String sentiment,
        double sentimentScore,
        String planner,
        List<String> trackIds,
        String playlistId) {

    public SessionTurn {
        trackIds = trackIds == null ? List.of() : List.copyOf(trackIds);
    }
}
