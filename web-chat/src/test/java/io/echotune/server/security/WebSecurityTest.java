package io.echotune.server.security;

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
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.http.HttpRequest;
import java.nio.file.Files;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The server's web protections, on a server configured as in production: every secret set (fake values, providers
 * pointed at a closed local port so each call fails and gets logged), an admin token, one allowed embedding site.
 */
@ExtendWith(OutputCaptureExtension.class)
// metrics export is off in Spring Boot tests unless asked for
@AutoConfigureObservability
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class WebSecurityTest {

    static final String ALLOWED_SITE = "https://shop.example";
    static final String ADMIN_TOKEN = "admin-3f9c2e7d1b8a4c6e";
    static final String OPENAI_KEY = "sk-test-FAKE-9d8e7f6a5b4c3d2e1f0a";
    static final String TELEGRAM_TOKEN = "123456789:AAFakeTelegramTokenForTestsOnly_x";
    static final String SPOTIFY_SECRET = "spotify-secret-FAKE-0c1d2e3f4a5b";
    static final String TOKEN_KEY = Base64.getEncoder().encodeToString("0123456789abcdef0123456789ABCDEF".getBytes());

    @DynamicPropertySource
    static void production(DynamicPropertyRegistry registry) throws IOException {
        String dir = Files.createTempDirectory("echotune-security").toString();
        String closed = "http://127.0.0.1:" + closedPort();
        registry.add("echotune.storage.data-dir", () -> dir);
        registry.add("echotune.web.allowed-origins", () -> ALLOWED_SITE);
        // the environment variables a deployment sets, with fake values
        registry.add("ECHOTUNE_ADMIN_TOKEN", () -> ADMIN_TOKEN);
        registry.add("OPENAI_API_KEY", () -> OPENAI_KEY);
        registry.add("OPENAI_BASE_URL", () -> closed + "/v1");
        registry.add("ECHOTUNE_LLM_RETRY_BUDGET", () -> "1s");
        registry.add("ECHOTUNE_LLM_TIMEOUT", () -> "2s");
        registry.add("TELEGRAM_BOT_TOKEN", () -> TELEGRAM_TOKEN);
        registry.add("TELEGRAM_BASE_URL", () -> closed);
        registry.add("SPOTIFY_CLIENT_ID", () -> "fake-client-id");
        registry.add("SPOTIFY_CLIENT_SECRET", () -> SPOTIFY_SECRET);
        registry.add("ECHOTUNE_TOKEN_KEY", () -> TOKEN_KEY);
        registry.add("SPOTIFY_API_BASE_URL", () -> closed);
        registry.add("SPOTIFY_ACCOUNTS_BASE_URL", () -> closed);
    }

    private static int closedPort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort(); // closed again when this returns: connections to it are refused
        }
    }

    @LocalServerPort
    int port;

    @Test
    void pagesAndApiCarryTheSecurityHeadersAndHstsOnlyBehindTls() {
        Http http = new Http(port);
        for (String path : List.of("/", "/widget.js", "/api/tracks/search?q=abba")) {
            Http.Response r = http.get(path);
            assertThat(r.status()).as(path).isEqualTo(200);
            assertThat(r.header("Content-Security-Policy")).as(path).hasValueSatisfying(csp -> assertThat(csp)
                    .contains("default-src 'self'", "script-src 'self'", "frame-ancestors 'none'", "object-src 'none'")
                    .doesNotContain("unsafe-eval"));
            assertThat(r.header("X-Content-Type-Options")).contains("nosniff");
            assertThat(r.header("X-Frame-Options")).contains("DENY");
            assertThat(r.header("Referrer-Policy")).isPresent();
            assertThat(r.header("Strict-Transport-Security")).as("plain HTTP gets no HSTS").isEmpty();
        }
        assertThat(http.get("/api/tracks/search?q=abba").header("Cache-Control")).contains("no-store");
        // behind the TLS proxy (a loopback proxy is trusted for X-Forwarded-Proto)
        assertThat(http.get("/", "X-Forwarded-Proto", "https").header("Strict-Transport-Security"))
                .hasValueSatisfying(h -> assertThat(h).startsWith("max-age=31536000"));
    }

    @Test
    void corsAnswersOnlyTheAllowedSite() {
        Http http = new Http(port);
        Http.Response allowed = http.send("OPTIONS", "/api/chat", null, "Origin", ALLOWED_SITE,
                "Access-Control-Request-Method", "POST", "Access-Control-Request-Headers", "content-type");
        assertThat(allowed.status()).isEqualTo(200);
        assertThat(allowed.header("Access-Control-Allow-Origin")).contains(ALLOWED_SITE);

        Http.Response other = http.send("OPTIONS", "/api/chat", null, "Origin", "https://evil.example",
                "Access-Control-Request-Method", "POST");
        assertThat(other.status()).isEqualTo(403);
        assertThat(other.header("Access-Control-Allow-Origin")).isEmpty();
        Http.Response simple = http.get("/api/tracks/search?q=abba", "Origin", "https://evil.example");
        assertThat(simple.header("Access-Control-Allow-Origin")).isEmpty();
    }

    @Test
    void theWebSocketRefusesOtherSites() {
        WebClient visitor = new WebClient(port);
        assertThatThrownBy(() -> visitor.connect("https://evil.example")).isInstanceOf(CompletionException.class)
                .rootCause().hasMessageContaining("403");
        try (WebClient.Socket socket = visitor.connect(ALLOWED_SITE)) {
            socket.send(Map.of("type", "hello", "token", visitor.token()));
            assertThat(socket.expect("ready")).isNotNull();
        }
    }

    @Test
    void operationsEndpointsNeedTheAdminTokenAndHealthDoesNot() {
        Http http = new Http(port);
        assertThat(http.get("/actuator/health").status()).isEqualTo(200);
        assertThat(http.get("/actuator/health/readiness").status()).isEqualTo(200);
        assertThat(http.get("/actuator/health/liveness").status()).isEqualTo(200);

        Http.Response anonymous = http.get("/actuator/prometheus");
        assertThat(anonymous.status()).isEqualTo(401);
        assertThat(anonymous.contentType()).startsWith("application/problem+json");
        assertThat(anonymous.body()).doesNotContain("echotune_");
        assertThat(http.get("/actuator/prometheus", "Authorization", "Bearer wrong-" + ADMIN_TOKEN).status()).isEqualTo(401);
        assertThat(http.get("/actuator/metrics", "Authorization", "Bearer " + ADMIN_TOKEN.substring(1)).status()).isEqualTo(401);

        Http.Response admin = http.get("/actuator/prometheus", "Authorization", "Bearer " + ADMIN_TOKEN);
        assertThat(admin.status()).isEqualTo(200);
        assertThat(admin.body()).contains("http_server_requests_seconds");
        // endpoints that would show configuration are not exposed at all, token or not
        assertThat(http.get("/actuator/env", "Authorization", "Bearer " + ADMIN_TOKEN).status()).isEqualTo(404);
        assertThat(http.get("/actuator/configprops", "Authorization", "Bearer " + ADMIN_TOKEN).status()).isEqualTo(404);
    }

    @Test
    void oversizeBodiesAreRefusedWith413() {
        Http http = new Http(port);
        String huge = "{\"message\":\"" + "a".repeat(200_000) + "\"}";
        Http.Response r = http.postJson("/api/chat", huge);
        assertThat(r.status()).isEqualTo(413);
        assertThat(r.json().get("detail").asText()).contains("too large");
        // streamed without a length: cut off while reading, a clean 4xx too
        Http.Response chunked = http.send("POST", "/api/chat",
                HttpRequest.BodyPublishers.ofInputStream(() -> new java.io.ByteArrayInputStream(huge.getBytes())),
                "Content-Type", "application/json");
        assertThat(chunked.status()).isBetween(400, 413);
        assertThat(http.get("/actuator/health").status()).isEqualTo(200);
    }

    @Test
    void secretsNeverReachTheLogsOrTheAnswers(CapturedOutput output) throws InterruptedException {
        Http http = new Http(port);
        // exercise what touches each secret: the language model (fails against the closed port, falls back), Spotify
        // linking, the admin endpoints; Telegram polls the closed port in the background from the start
        Http.Response turn = http.postJson("/api/chat", Map.of("message", "something calm to study to"));
        assertThat(turn.status()).isEqualTo(200);
        assertThat(turn.json().get("text").asText()).isNotBlank();
        WebClient visitor = new WebClient(port);
        WebClient.Response link = visitor.post("/api/spotify/link", Map.of());
        assertThat(link.status()).isLessThan(500);
        http.get("/api/spotify/callback?code=abc&state=def");
        http.get("/actuator/prometheus", "Authorization", "Bearer " + ADMIN_TOKEN);
        http.get("/actuator/health");
        Thread.sleep(1500); // let the background pollers log their failures

        String logs = output.getAll();
        assertThat(logs).as("the server logged while being exercised").isNotBlank();
        for (String secret : List.of(OPENAI_KEY, TELEGRAM_TOKEN, SPOTIFY_SECRET, TOKEN_KEY, ADMIN_TOKEN)) {
            assertThat(logs).as("logs must not contain a secret").doesNotContain(secret);
            assertThat(turn.body()).doesNotContain(secret);
        }
        // nor their recognisable halves (a token printed in part is still a leak)
        assertThat(logs).doesNotContain(TELEGRAM_TOKEN.substring(10)).doesNotContain(OPENAI_KEY.substring(8));
    }
}
