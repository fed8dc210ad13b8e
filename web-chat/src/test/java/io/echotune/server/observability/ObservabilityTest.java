package io.echotune.server.observability;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.echotune.server.faults.Http;
import io.echotune.server.web.WebClient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.io.IOException;
import java.nio.file.Files;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Metrics at /actuator/prometheus, health groups, JSON logs and the correlation id, on a server with default settings. */
@ExtendWith(OutputCaptureExtension.class)
// metrics export is off in Spring Boot tests unless asked for
@AutoConfigureObservability
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "ECHOTUNE_ADMIN_TOKEN=" + ObservabilityTest.ADMIN,
        "logging.level.io.echotune.server.observability=DEBUG"})
class ObservabilityTest {

    static final String ADMIN = "observability-admin-token";
    private static final ObjectMapper JSON = new ObjectMapper();

    @DynamicPropertySource
    static void dataDir(DynamicPropertyRegistry registry) throws IOException {
        String dir = Files.createTempDirectory("echotune-observability").toString();
        registry.add("echotune.storage.data-dir", () -> dir);
    }

    @LocalServerPort
    int port;

    private String prometheus() {
        Http.Response r = new Http(port).get("/actuator/prometheus", "Authorization", "Bearer " + ADMIN);
        assertThat(r.status()).isEqualTo(200);
        return r.body();
    }

    @Test
    void chatTurnsToolsLatencyAndFeedbackAreMeasured() {
        Http http = new Http(port);
        Http.Response turn = http.postJson("/api/chat", Map.of("message", "some upbeat workout music"));
        assertThat(turn.status()).isEqualTo(200);
        assertThat(http.postJson("/api/chat", Map.of("message", ""))).extracting(Http.Response::status).isEqualTo(400);
        WebClient visitor = new WebClient(port);
        String trackId = turn.json().get("tracks").get(0).get("id").asText();
        assertThat(visitor.post("/api/web/feedback", Map.of("trackId", trackId, "liked", true)).status()).isEqualTo(200);

        String metrics = prometheus();
        assertThat(metrics).containsPattern(
                "echotune_chat_turn_seconds_count\\{[^}]*channel=\"rest\"[^}]*intent=\"recommend\"[^}]*outcome=\"ok\"[^}]*planner=\"rules\"[^}]*} [1-9]");
        assertThat(metrics).containsPattern("echotune_chat_turn_seconds_bucket\\{[^}]*channel=\"rest\"");
        // nobody is in line once the turns are answered
        assertThat(metrics).containsPattern("echotune_chat_turns_waiting\\{[^}]*} 0.0");
        assertThat(metrics).containsPattern("echotune_tool_call_seconds_bucket\\{[^}]*tool=\"recommend\"");
        assertThat(metrics).containsPattern("echotune_recommendations_shown_total\\{[^}]*} [1-9]");
        assertThat(metrics).containsPattern("echotune_recommendations_feedback_total\\{[^}]*verdict=\"like\"[^}]*} 1.0");
        assertThat(metrics).containsPattern("http_server_requests_seconds_bucket\\{[^}]*uri=\"/api/chat\"");
        assertThat(metrics).containsPattern("echotune_cache_requests_total\\{[^}]*cache=\"recommendations\"[^}]*result=\"miss\"[^}]*} [1-9]");
        // the new listener's first recommendations found "no history yet" in memory instead of reading the database
        assertThat(metrics).containsPattern("echotune_cache_requests_total\\{[^}]*cache=\"taste\"[^}]*result=\"l1_hit\"[^}]*} [1-9]");
        assertThat(metrics).containsPattern("http_server_requests_seconds_count\\{[^}]*status=\"400\"[^}]*uri=\"/api/chat\"");
    }

    @Test
    void healthHasLivenessReadinessAndAComponentPerDependency() {
        Http http = new Http(port);
        JsonNode health = http.get("/actuator/health").json();
        assertThat(health.get("status").asText()).isEqualTo("UP");
        for (String component : List.of("mongo", "redis", "llm", "spotify", "telegram", "discord", "livenessState", "readinessState")) {
            assertThat(health.get("components").has(component)).as(component).isTrue();
        }
        JsonNode readiness = http.get("/actuator/health/readiness").json();
        assertThat(readiness.get("components").has("mongo")).isTrue();
        assertThat(readiness.get("components").has("redis")).as("Redis is optional: not part of readiness").isFalse();
        JsonNode liveness = http.get("/actuator/health/liveness").json();
        assertThat(liveness.get("components").has("mongo")).as("a database outage must not restart the instance").isFalse();
    }

    @Test
    void theCorrelationIdIsReturnedAndInEveryJsonLogLineOfTheRequest(CapturedOutput output) throws IOException {
        Http http = new Http(port);
        Http.Response fresh = http.postJson("/api/chat", Map.of("message", "hello"));
        String generated = fresh.header("X-Correlation-Id").orElseThrow();
        assertThat(generated).matches("[0-9a-f-]{36}");

        String mine = "client-corr-0123456789";
        Http.Response given = http.postJson("/api/chat", Map.of("message", "hello again"), "X-Correlation-Id", mine);
        assertThat(given.header("X-Correlation-Id")).contains(mine);
        // a hostile id (log forging) is replaced, not echoed
        Http.Response forged = http.get("/api/tracks/search?q=abba", "X-Correlation-Id", "<script>alert(1)</script>\"} {\"level\":\"ERROR");
        assertThat(forged.header("X-Correlation-Id").orElseThrow()).matches("[0-9a-f-]{36}");

        JsonNode line = null;
        for (String text : output.getOut().split("\n")) {
            if (text.startsWith("{") && text.contains(mine)) {
                line = JSON.readTree(text); // every line is one JSON document (ECS)
                break;
            }
        }
        assertThat(line).as("a JSON log line carrying the caller's correlation id").isNotNull();
        assertThat(line.get("correlationId").asText()).isEqualTo(mine);
        assertThat(line.has("@timestamp")).isTrue();
        assertThat(line.get("message").asText()).contains("POST /api/chat -> 200");
    }
}
