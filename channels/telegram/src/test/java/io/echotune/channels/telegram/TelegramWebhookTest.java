package io.echotune.channels.telegram;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import static org.assertj.core.api.Assertions.assertThat;

/** Webhook mode: the bot registers its webhook with a secret and accepts only updates that carry it. */
@SpringBootTest(classes = TelegramTestApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class TelegramWebhookTest {

    static final FakeTelegramApi telegram = new FakeTelegramApi();
    static final String SECRET = "s3cret-for-tests_only";

    @DynamicPropertySource
    static void telegram(DynamicPropertyRegistry registry) {
        registry.add("echotune.telegram.token", () -> FakeTelegramApi.TOKEN);
        registry.add("echotune.telegram.base-url", telegram::baseUrl);
        registry.add("echotune.telegram.mode", () -> "webhook");
        registry.add("echotune.telegram.webhook-url", () -> "https://bot.example.org/telegram/webhook");
        registry.add("echotune.telegram.webhook-secret", () -> SECRET);
    }

    @AfterAll
    static void stop() {
        telegram.close();
    }

    @LocalServerPort
    int port;

    private int post(String secret, String body) throws Exception {
        var request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/telegram/webhook"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (secret != null) {
            request.header(TelegramWebhookController.SECRET_HEADER, secret);
        }
        try (HttpClient http = HttpClient.newHttpClient()) {
            return http.send(request.build(), HttpResponse.BodyHandlers.discarding()).statusCode();
        }
    }

    @Test
    void registersTheWebhookWithItsSecretAndAnswersOnlyAuthenticUpdates() throws Exception {
        JsonNode setWebhook = telegram.await("setWebhook", b -> true).body();
        assertThat(setWebhook.path("url").asText()).isEqualTo("https://bot.example.org/telegram/webhook");
        assertThat(setWebhook.path("secret_token").asText()).isEqualTo(SECRET);
        assertThat(telegram.calls("getUpdates")).isEmpty();

        long user = 777_001;
        ObjectNode update = new ObjectMapper().createObjectNode().put("update_id", 1);
        update.set("message", telegram.privateMessage(user, "some classic rock"));

        assertThat(post(null, update.toString())).isEqualTo(401);
        assertThat(post("wrong-secret", update.toString())).isEqualTo(401);
        assertThat(post(SECRET, "{not json")).isEqualTo(400);
        assertThat(post(SECRET, update.toString())).isEqualTo(200);
        // acknowledged only once handled: by the time Telegram has its 200 the turn is stored and the reply is out,
        // so a server stopping after the acknowledgement has nothing of this update left to lose
        assertThat(telegram.sentTo(user)).hasSize(1);

        JsonNode reply = telegram.await("sendMessage", b -> b.path("chat_id").asText().equals(Long.toString(user))).body();
        assertThat(reply.path("text").asText()).contains("open.spotify.com");
        assertThat(telegram.sentTo(user)).hasSize(1); // the refused posts were never processed
    }
}
