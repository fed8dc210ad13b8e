package io.echotune.channels.telegram;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.telegram.telegrambots.meta.api.methods.botapimethods.BotApiMethod;
import org.telegram.telegrambots.meta.api.methods.updates.SetWebhook;
import org.telegram.telegrambots.meta.exceptions.TelegramApiException;
import org.telegram.telegrambots.meta.exceptions.TelegramApiRequestException;
import org.telegram.telegrambots.meta.generics.TelegramClient;

import java.io.Serializable;
import java.time.Duration;
import java.util.Optional;

/**
 * Calls the Bot API and rides out outages: a 429 waits the {@code retry_after} Telegram asks for, a 5xx, an
 * unreadable answer (a proxy's error page) or a dropped connection is retried with growing pauses. A 4xx other
 * than 429 is our mistake and is not retried.
 */
public class TelegramSender {

    private static final Logger log = LoggerFactory.getLogger(TelegramSender.class);
    static final int ATTEMPTS = 5;
    private static final Duration FIRST_PAUSE = Duration.ofMillis(200);
    private static final Duration LONGEST_WAIT = Duration.ofSeconds(60);

    private final TelegramClient client;

    public TelegramSender(TelegramClient client) {
        this.client = client;
    }

    /** One Bot API call, as the client makes it. */
    @FunctionalInterface
    interface ApiCall<T> {
        T run() throws TelegramApiException;
    }

    public <T extends Serializable> T send(BotApiMethod<T> method) throws TelegramApiException {
        return send(method.getMethod(), () -> client.execute(method));
    }

    public Boolean send(SetWebhook setWebhook) throws TelegramApiException {
        return send(setWebhook.getMethod(), () -> client.execute(setWebhook));
    }

    private <T> T send(String method, ApiCall<T> call) throws TelegramApiException {
        Duration pause = FIRST_PAUSE;
        for (int attempt = 1; ; attempt++) {
            try {
                return call.run();
            } catch (TelegramApiException e) {
                Optional<Duration> wait = retryAfter(e, pause);
                if (wait.isEmpty() || attempt == ATTEMPTS) {
                    throw e;
                }
                log.warn("Telegram {} failed ({}), retry {} in {} ms", method, describe(e), attempt, wait.get().toMillis());
                sleep(wait.get());
                pause = pause.multipliedBy(2);
            }
        }
    }

    /** Like {@link #send} but a failure is only logged: for typing indicators and other niceties. */
    public <T extends Serializable> Optional<T> trySend(BotApiMethod<T> method) {
        try {
            return Optional.ofNullable(send(method));
        } catch (TelegramApiException e) {
            log.warn("Telegram {} failed: {}", method.getMethod(), describe(e));
            return Optional.empty();
        }
    }

    private static Optional<Duration> retryAfter(TelegramApiException e, Duration pause) {
        // an answer that was not the Bot API's JSON (a proxy's error page) carries no error code (0)
        if (e instanceof TelegramApiRequestException request && request.getErrorCode() != null && request.getErrorCode() > 0) {
            int code = request.getErrorCode();
            if (code == 429) {
                Integer seconds = request.getParameters() == null ? null : request.getParameters().getRetryAfter();
                Duration wait = seconds == null ? pause : Duration.ofSeconds(seconds);
                return Optional.of(wait.compareTo(LONGEST_WAIT) > 0 ? LONGEST_WAIT : wait);
            }
            return code >= 500 ? Optional.of(pause) : Optional.empty();
        }
        return Optional.of(pause); // connection failure or an answer that was not the Bot API's JSON
    }

    private static String describe(TelegramApiException e) {
        return e instanceof TelegramApiRequestException request && request.getErrorCode() != null
                ? request.getErrorCode() + " " + request.getApiResponse()
                : String.valueOf(e.getMessage());
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
