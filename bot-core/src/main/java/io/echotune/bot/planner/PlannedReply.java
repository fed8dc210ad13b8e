package io.echotune.bot.planner;

import io.echotune.bot.conversation.ChatReply.ShownPlaylist;
import io.echotune.bot.conversation.ChatReply.ShownTrack;
import io.echotune.bot.sessions.SessionContext;

import java.util.List;
import java.util.Optional;

/**
 * A planner's answer to one turn: the reply parts plus the conversation context the next turn builds on
 * ("another one", "make that a playlist", "I love the second one").
 *
 * @param answeredBy the planner that really answered when it is not the one asked (an LLM planner that fell
 *                   back to the RulePlanner); null otherwise
 */
public record PlannedReply(
        String text,
        List<ShownTrack> tracks,
        Optional<ShownPlaylist> playlist,
        List<String> suggestions,
        SessionContext nextContext,
        String answeredBy) {

    public PlannedReply(String text, List<ShownTrack> tracks, Optional<ShownPlaylist> playlist, List<String> suggestions,
                        SessionContext nextContext) {
        this(text, tracks, playlist, suggestions, nextContext, null);
    }

    /** The same reply, marked as answered by {@code planner}. */
    public PlannedReply answeredBy(String planner) {
        return new PlannedReply(text, tracks, playlist, suggestions, nextContext, planner);
    }

    /** The name of the planner that answered, {@code asked} unless another one stepped in. */
    public String plannerName(String asked) {
        return answeredBy == null ? asked : answeredBy;
    }
}
