package io.echotune.channels.common;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * What every chat-platform adapter shares ({@code echotune.channels.*}).
 *
 * @param turnsPerMinute how many messages one person may send per minute, across chats, before a polite refusal
 * @param burst          how many of those may come at once
 */
@ConfigurationProperties("echotune.channels")
public record ChannelsProperties(Integer turnsPerMinute, Integer burst) {

    public ChannelsProperties {
        turnsPerMinute = turnsPerMinute == null || turnsPerMinute < 1 ? 20 : turnsPerMinute;
        burst = burst == null || burst < 1 ? 5 : burst;
    }
}
