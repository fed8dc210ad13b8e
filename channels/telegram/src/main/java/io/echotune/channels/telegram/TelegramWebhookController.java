package io.echotune.channels.telegram;

import com.fasterxml.jackson.databind.ObjectMapper;
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
import java.util.List;

/**
 * Webhook mode: Telegram posts each update here (the path of TELEGRAM_WEBHOOK_URL, default /telegram/webhook).
 * A request without the right {@code X-Telegram-Bot-Api-Secret-Token} is refused. The update is queued and
 * acknowledged at once, so Telegram never times out waiting for a slow turn.
 */
@RestController
@ConditionalOnWebApplication
@ConditionalOnExpression("!'${echotune.telegram.token:}'.isBlank() and '${echotune.telegram.mode:polling}'.equalsIgnoreCase('webhook')")
public class TelegramWebhookController {

    static final String SECRET_HEADER = "X-Telegram-Bot-Api-Secret-Token";

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
        updates.accept(List.of(update));
        return ResponseEntity.ok().build();
    }
}
