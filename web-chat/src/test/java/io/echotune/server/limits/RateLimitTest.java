package io.echotune.server.limits;

import com.fasterxml.jackson.databind.JsonNode;
import io.echotune.bot.limits.RateLimiter;
import io.echotune.server.faults.Http;
import io.echotune.server.web.WebClient;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.io.IOException;
import java.nio.file.Files;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Per-person, per-endpoint limits of one instance (no Redis): over the limit a clear 429 with {@code Retry-After};
 * another person, and another endpoint, are not affected; a visitor's WebSocket turns share the bucket of their REST
 * turns.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "echotune.limits.chat-per-minute=3",
        "echotune.limits.search-per-minute=2",
        "echotune.limits.visitors-per-minute=1000"})
class RateLimitTest {

    @DynamicPropertySource
    static void dataDir(DynamicPropertyRegistry registry) throws IOException {
        String dir = Files.createTempDirectory("echotune-limits").toString();
        registry.add("echotune.storage.data-dir", () -> dir);
    }

    @LocalServerPort
    int port;
    @Autowired
    RateLimiter limiter;

    @Test
    void theFourthChatTurnInAMinuteIsRefusedWith429RetryAfterAndAProblemDocument() {
        Http http = new Http(port);
        String[] client = {"X-Forwarded-For", "203.0.113.7"}; // one client address, as our proxy reports it
        for (int i = 1; i <= 3; i++) {
            Http.Response ok = http.postJson("/api/chat", Map.of("message", "hi " + i), client);
            assertThat(ok.status()).as("turn %d", i).isEqualTo(200);
            assertThat(ok.header("RateLimit-Remaining")).contains(String.valueOf(3 - i));
        }
        Http.Response refused = http.postJson("/api/chat", Map.of("message", "one more"), client);

        assertThat(refused.status()).isEqualTo(429);
        long retryAfter = Long.parseLong(refused.header("Retry-After").orElseThrow());
        assertThat(retryAfter).isBetween(1L, 20L); // 3 per minute: one token back every 20 s
        assertThat(refused.contentType()).startsWith("application/problem+json");
        JsonNode problem = refused.json();
        assertThat(problem.get("status").asInt()).isEqualTo(429);
        assertThat(problem.get("title").asText()).isEqualTo("Too Many Requests");
        assertThat(problem.get("detail").asText()).contains("chatting is limited to 3 per minute").contains("Try again in " + retryAfter);
        assertThat(problem.get("limit").asText()).isEqualTo("chat");
        assertThat(problem.get("instance").asText()).isEqualTo("/api/chat");
        assertThat(limiter.redisConfigured()).isFalse();

        // another client, and another endpoint of the same client, still have their own allowance
        assertThat(http.postJson("/api/chat", Map.of("message", "hello"), "X-Forwarded-For", "203.0.113.8").status()).isEqualTo(200);
        assertThat(http.get("/api/tracks/search?q=queen", client).status()).isEqualTo(200);
    }

    @Test
    void searchHasItsOwnLimit() {
        Http http = new Http(port);
        String[] client = {"X-Forwarded-For", "198.51.100.20"};
        assertThat(http.get("/api/tracks/search?q=daft+punk", client).status()).isEqualTo(200);
        assertThat(http.get("/api/tracks/search?q=queen", client).status()).isEqualTo(200);
        Http.Response refused = http.get("/api/tracks/search?q=abba", client);
        assertThat(refused.status()).isEqualTo(429);
        assertThat(refused.json().get("detail").asText()).contains("searching is limited to 2 per minute");
        // pages and health are never limited
        assertThat(http.get("/actuator/health", client).status()).isEqualTo(200);
        assertThat(http.get("/", client).status()).isEqualTo(200);
    }

    @Test
    void aVisitorsWebSocketTurnsAndRestTurnsShareOneBucket() {
        WebClient visitor = new WebClient(port);
        Http http = new Http(port);
        for (int i = 0; i < 2; i++) {
            assertThat(http.postJson("/api/chat", Map.of("message", "hi"), "Authorization", "Bearer " + visitor.token()).status())
                    .isEqualTo(200);
        }
        try (WebClient.Socket socket = visitor.connect()) {
            socket.send(Map.of("type", "hello", "token", visitor.token()));
            socket.expect("ready");
            socket.send(Map.of("type", "message", "id", "a", "text", "something calm"));
            JsonNode frame = socket.next();
            while (frame.get("type").asText().equals("delta")) frame = socket.next(); // the reply streams in first
            assertThat(frame.get("type").asText()).isEqualTo("reply");
            assertThat(frame.get("reply").get("text").asText()).isNotBlank();
            socket.send(Map.of("type", "message", "id", "b", "text", "something loud"));
            JsonNode error = socket.expect("error");
            assertThat(error.get("code").asText()).isEqualTo("rate_limited");
            assertThat(error.get("id").asText()).isEqualTo("b");
            assertThat(error.get("message").asText()).contains("try again in");
        }
        // and the next REST turn of that visitor is refused as well
        assertThat(http.postJson("/api/chat", Map.of("message", "hi"), "Authorization", "Bearer " + visitor.token()).status())
                .isEqualTo(429);
    }
}
