package io.echotune.channels.discord;

import io.echotune.channels.common.ChannelConversation;
import io.echotune.channels.common.ChatOrder;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The Discord adapter, switched on by {@code DISCORD_BOT_TOKEN} (echotune.discord.token). */
@Configuration(proxyBeanMethods = false)
@ConditionalOnExpression("!'${echotune.discord.token:}'.isBlank()")
@EnableConfigurationProperties(DiscordProperties.class)
public class DiscordConfiguration {

    @Bean
    DiscordEvents discordEvents(ChannelConversation conversation, ChatOrder order) {
        return new DiscordEvents(conversation, order);
    }

    @Bean
    DiscordBot discordBot(DiscordProperties properties, DiscordEvents events) {
        return new DiscordBot(properties, events);
    }
}
