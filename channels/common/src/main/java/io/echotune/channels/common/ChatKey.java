package io.echotune.channels.common;

/**
 * Where a message came from on a platform: the channel name ("telegram", "discord"), the platform chat (a
 * private chat, group or DM channel) and the person in it. One EchoTune conversation per key: in a group each
 * person has their own, because a conversation belongs to one user.
 */
public record ChatKey(String channel, String chatId, String userId) {

    String id() {
        return channel + ":" + chatId + ":" + userId;
    }
}
