package io.echotune.channels.telegram;

import io.echotune.channels.common.ChannelConversation;
import io.echotune.channels.common.ChatOrder;
import okhttp3.OkHttpClient;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.telegram.telegrambots.client.okhttp.OkHttpTelegramClient;
import org.telegram.telegrambots.meta.TelegramUrl;
import org.telegram.telegrambots.meta.api.objects.User;
import org.telegram.telegrambots.meta.generics.TelegramClient;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicReference;

/** The Telegram adapter, switched on by {@code TELEGRAM_BOT_TOKEN} (echotune.telegram.token). */
@Configuration(proxyBeanMethods = false)
@ConditionalOnExpression("!'${echotune.telegram.token:}'.isBlank()")
@EnableConfigurationProperties(TelegramProperties.class)
public class TelegramConfiguration {

    @Bean
    TelegramClient telegramClient(TelegramProperties properties) {
        var url = properties.baseUrl();
        int port = url.getPort() > 0 ? url.getPort() : "https".equals(url.getScheme()) ? 443 : 80;
        OkHttpClient http = new OkHttpClient.Builder()
                .connectTimeout(Duration.ofSeconds(10))
                .readTimeout(Duration.ofSeconds(30))
                .build();
        return new OkHttpTelegramClient(http, properties.token(), new TelegramUrl(url.getScheme(), url.getHost(), port, false));
    }

    @Bean
    TelegramSender telegramSender(TelegramClient client) {
        return new TelegramSender(client);
    }

    /** The bot's own Telegram user, known once it has connected. */
    @Bean
    AtomicReference<User> telegramBotUser() {
        return new AtomicReference<>();
    }

    @Bean
    TelegramUpdates telegramUpdates(ChannelConversation conversation, TelegramSender sender, ChatOrder order,
                                    AtomicReference<User> telegramBotUser) {
        return new TelegramUpdates(conversation, sender, order, telegramBotUser::get);
    }

    @Bean
    TelegramBot telegramBot(TelegramProperties properties, TelegramSender sender, AtomicReference<User> telegramBotUser,
                            TelegramUpdates updates) {
        return new TelegramBot(properties, sender, telegramBotUser, updates);
    }
}
