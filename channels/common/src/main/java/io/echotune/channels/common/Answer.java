package io.echotune.channels.common;

import io.echotune.bot.conversation.ChatReply;

/** What an adapter shows for one platform message: a full conversation reply, or a short notice. */
public sealed interface Answer {

    /** A reply from the conversation engine, to render with tracks and buttons. */
    record Reply(ChatReply reply) implements Answer {
    }

    /** A plain sentence: a confirmation, a link code, a rate-limit or error message. */
    record Notice(String text) implements Answer {
    }
}
