package io.echotune.channels.telegram;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;
import org.telegram.telegrambots.meta.api.objects.Update;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Webhook mode: Telegram posts each update here (the path of TELEGRAM_WEBHOOK_URL, default /telegram/webhook).
 * A request without the right {@code X-Telegram-Bot-Api-Secret-Token} is refused.
 *
 * <p>An update is acknowledged only once it has been handled (the turn stored, the reply sent): Telegram delivers an
 * unacknowledged update again, so a server that stops or crashes with the update in hand loses nothing, and a rolling
 * deploy's graceful shutdown finishes it. A turn still running after {@link #ACK_WITHIN} is acknowledged anyway and
 * carries on, so that Telegram's own timeout does not deliver it a second time.
 */
@RestController
@ConditionalOnWebApplication
@ConditionalOnExpression("!'${echotune.telegram.token:}'.isBlank() and '${echotune.telegram.mode:polling}'.equalsIgnoreCase('webhook')")
public class TelegramWebhookController {

    static final String SECRET_HEADER = "X-Telegram-Bot-Api-Secret-Token";
    /** Longer than a language-model turn with its retries, shorter than Telegram's wait for an answer. */
    static final Duration ACK_WITHIN = Duration.ofSeconds(45);
    private static final Logger log = LoggerFactory.getLogger(TelegramWebhookController.class);

    private final TelegramUpdates updates;
    private final byte[] secret;
    private final ObjectMapper json = new ObjectMapper();

    TelegramWebhookController(TelegramUpdates updates, TelegramProperties properties) {
        this.updates = updates;
        this.secret = properties.webhookSecret().getBytes(StandardCharsets.UTF_8);
    }

    @PostMapping(path = "${echotune.telegram.webhook-path:/telegram/webhook}", consumes = "application/json")
    ResponseEntity<Void> receive(@RequestHeader(name = SECRET_HEADER, required = false) String token, @RequestBody String body) {
        // constant-time comparison: the secret is the only thing that tells Telegram from anyone else
        if (token == null || !MessageDigest.isEqual(secret, token.getBytes(StandardCharsets.UTF_8))) {
            return ResponseEntity.status(401).build();
        }
        Update update;
        try {
            update = json.readValue(body, Update.class);
        } catch (Exception malformed) {
            return ResponseEntity.badRequest().build();
        }
        try {
            updates.accept(List.of(update)).get(ACK_WITHIN.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException slow) {
            log.warn("Telegram update {} is still being handled after {}; acknowledged so it is not sent again",
                    update.getUpdateId(), ACK_WITHIN);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return ResponseEntity.status(503).build(); // not acknowledged: Telegram sends it again
        } catch (ExecutionException e) {
            // ChatOrder logs a failed update and completes normally, so this is not expected; acknowledge, as before
            log.error("Telegram update {} failed", update.getUpdateId(), e.getCause());
        }
        return ResponseEntity.ok().build();
    }
}
