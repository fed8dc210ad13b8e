package io.echotune.channels.telegram;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.net.URI;

/**
 * The Telegram bot ({@code echotune.telegram.*}); on only when {@code token} is set.
 *
 * @param token          the bot token from BotFather (TELEGRAM_BOT_TOKEN); never logged
 * @param baseUrl        the Bot API server (a local Bot API server, or a fake one in tests)
 * @param mode           {@code polling} (default: the bot asks Telegram for updates) or {@code webhook}
 *                       (Telegram posts updates to {@code webhookUrl})
 * @param webhookUrl     the public HTTPS address Telegram posts to; its path is served by this server
 * @param webhookSecret  sent by Telegram in {@code X-Telegram-Bot-Api-Secret-Token} and checked on every call
 */
@ConfigurationProperties("echotune.telegram")
public record TelegramProperties(String token, URI baseUrl, Mode mode, URI webhookUrl, String webhookSecret) {

    public enum Mode { POLLING, WEBHOOK }

    public TelegramProperties {
        baseUrl = baseUrl == null || baseUrl.toString().isBlank() ? URI.create("https://api.telegram.org") : baseUrl;
        mode = mode == null ? Mode.POLLING : mode;
        if (mode == Mode.WEBHOOK && (webhookUrl == null || webhookSecret == null || webhookSecret.isBlank())) {
            throw new IllegalArgumentException("Telegram webhook mode needs TELEGRAM_WEBHOOK_URL and TELEGRAM_WEBHOOK_SECRET");
        }
        if (webhookSecret != null && !webhookSecret.isBlank() && !webhookSecret.matches("[A-Za-z0-9_-]{1,256}")) {
            throw new IllegalArgumentException("TELEGRAM_WEBHOOK_SECRET may hold only letters, digits, _ and - (1-256 characters)");
        }
    }

    /** Never print the token. */
    @Override
    public String toString() {
        return "TelegramProperties[baseUrl=" + baseUrl + ", mode=" + mode + ", webhookUrl=" + webhookUrl + "]";
    }
}
