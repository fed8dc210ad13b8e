package io.echotune.bot.planner;

import io.echotune.bot.conversation.ChatReply.ShownPlaylist;
import io.echotune.bot.conversation.ChatReply.ShownTrack;
import io.echotune.bot.sessions.SessionContext;

import java.util.List;
import java.util.Optional;

/**
 * A planner's answer to one turn: the reply parts plus the conversation context the next turn builds on
 * ("another one", "make that a playlist", "I love the second one").
 */
public record PlannedReply(
        String text,
        List<ShownTrack> tracks,
        Optional<ShownPlaylist> playlist,
        List<String> suggestions,
        SessionContext nextContext) {
}
