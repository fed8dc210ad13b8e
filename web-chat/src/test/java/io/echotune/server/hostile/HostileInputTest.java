package io.echotune.server.hostile;

import io.echotune.server.faults.Http;
import io.echotune.server.web.WebClient;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A corpus of hostile input against every public endpoint and the WebSocket: each gets a clean 4xx problem document
 * or a safe JSON reply — never a 5xx, a stack trace or an echo of markup as HTML — and the server answers normally
 * afterwards.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class HostileInputTest {

    @DynamicPropertySource
    static void dataDir(DynamicPropertyRegistry registry) throws IOException {
        String dir = Files.createTempDirectory("echotune-hostile").toString();
        registry.add("echotune.storage.data-dir", () -> dir);
    }

    @LocalServerPort
    int port;

    static final String DEEP_JSON = "[".repeat(5000) + "]".repeat(5000);
    static final String DEEP_OBJECT = "{\"message\":" + "{\"a\":".repeat(2000) + "1" + "}".repeat(2000) + "}";
    static final List<String> CHAT_BODIES = List.of(
            "", "null", "[]", "\"hi\"", "{", "{\"message\":", DEEP_JSON, DEEP_OBJECT,
            "{\"message\":[\"a\"]}", "{\"message\":{\"$gt\":\"\"}}", "{\"message\":true, \"sessionId\": 7}",
            "{\"sessionId\":{\"$gt\":\"\"},\"message\":\"hi\"}", "{\"sessionId\":{\"$ne\":null},\"message\":\"hi\"}",
            "{\"userId\":{\"$where\":\"sleep(1000)\"},\"message\":\"hi\"}", "{\"sessionId\":\"../../etc/passwd\",\"message\":\"hi\"}",
            "{\"sessionId\":\"..%2F..%2Fetc\",\"message\":\"hi\"}", "{\"userId\":\"a b\\u0000c\",\"message\":\"hi\"}",
            "{\"message\":\"" + "x".repeat(2001) + "\"}", "{\"message\":\"   \"}", "{\"message\":\"\\u0000\\u0001\\u001b[31m\"}",
            "{\"message\":\"<script>alert(1)</script>\"}", "{\"message\":\"<img src=x onerror=alert(1)>\"}",
            "{\"message\":\"{{7*7}} ${jndi:ldap://127.0.0.1/a} %s%s%n\"}", "{\"message\":\"\\ud800\"}",
            "{\"message\":\"hi\",\"message\":\"again\"}", "{\"message\":\"hi\",\"extra\":{\"$gt\":1}}",
            "{\"message\":1e999999}", "{\"message\":\"" + "é".repeat(1999) + "\"}");

    @Test
    void everyHostileChatBodyGetsACleanAnswer() {
        Http http = new Http(port);
        List<String> problems = new ArrayList<>();
        for (String body : CHAT_BODIES) {
            check(http.postJson("/api/chat", body), "POST /api/chat " + abbreviate(body), problems);
        }
        // invalid UTF-8, a lone continuation byte and an overlong NUL
        for (byte[] raw : List.of(new byte[]{'{', '"', 'm', 'e', 's', 's', 'a', 'g', 'e', '"', ':', '"', (byte) 0xC3, (byte) 0x28, '"', '}'},
                new byte[]{'{', '"', 'm', 'e', 's', 's', 'a', 'g', 'e', '"', ':', '"', (byte) 0x80, '"', '}'},
                new byte[]{'{', '"', 'm', 'e', 's', 's', 'a', 'g', 'e', '"', ':', '"', (byte) 0xC0, (byte) 0x80, '"', '}'})) {
            check(http.postBytes("/api/chat", raw), "POST /api/chat invalid UTF-8", problems);
        }
        check(http.postJson("/api/chat", "{\"message\":\"hi\"}", "Content-Type", "text/plain"), "text/plain body", problems);
        check(http.postJson("/api/chat", "{\"message\":\"hi\"}", "Content-Type", "application/xml"), "xml body", problems);
        check(http.postJson("/api/web/feedback", "{\"trackId\":{\"$gt\":\"\"},\"liked\":true}",
                "Authorization", "Bearer " + new WebClient(port).token()), "feedback operator", problems);
        check(http.postJson("/api/web/feedback", "{\"trackId\":\"../../x\",\"liked\":\"yes\"}",
                "Authorization", "Bearer " + new WebClient(port).token()), "feedback traversal", problems);
        assertThat(problems).isEmpty();
    }

    @Test
    void hostileIdsAndQueriesInPathsGetCleanAnswers() {
        Http http = new Http(port);
        List<String> problems = new ArrayList<>();
        List<String> paths = List.of(
                "/api/sessions/%7B%22%24gt%22%3A%22%22%7D", "/api/sessions/..%2F..%2Fetc%2Fpasswd", "/api/sessions/../../etc/passwd",
                "/api/sessions/" + "a".repeat(5000), "/api/sessions/%00", "/api/sessions/%3Cscript%3E",
                "/api/playlists/%7B%22%24ne%22%3Anull%7D", "/api/playlists/..%5C..%5Cwindows", "/api/web/sessions/%24where",
                "/api/tracks/search?q=%3Cscript%3Ealert(1)%3C%2Fscript%3E", "/api/tracks/search?q=", "/api/tracks/search",
                "/api/tracks/search?q=a&limit=abc", "/api/tracks/search?q=a&limit=-1", "/api/tracks/search?q=a&limit=99999999999",
                "/api/tracks/search?q=" + "z".repeat(300), "/api/tracks/search?q=%C3%28", "/api/tracks/search?q[$gt]=",
                "/api/recommendations?limit=%7B%7D", "/api/spotify/callback?code=%00&state=%3Cx%3E", "/api/spotify/login?token=%7B%7D",
                "/..%2F..%2Fetc%2Fpasswd", "/js/..%2F..%2Fapplication.yml", "/actuator/..;/actuator/env", "/api/chat;jsessionid=x");
        for (String path : paths) {
            Http.Response r = http.get(path);
            if (path.startsWith("/api/spotify/") && r.contentType().startsWith("text/html")) {
                // the Spotify login pages are HTML for a browser by design: hostile input must not be reflected in them
                assertThat(r.status()).as(path).isBetween(400, 499);
                assertThat(r.body()).as(path).doesNotContain("<x>").doesNotContain("\u0000");
                continue;
            }
            check(r, "GET " + abbreviate(path), problems);
            assertThat(r.body()).as(path).doesNotContain("echotune:").doesNotContain("root:x:0:0");
        }
        assertThat(problems).isEmpty();
    }

    @Test
    void theWebSocketAnswersHostileFramesAndStaysUsable() {
        WebClient visitor = new WebClient(port);
        try (WebClient.Socket socket = visitor.connect()) {
            for (String frame : List.of("not json", "{", DEEP_JSON, "{\"type\":{\"$gt\":\"\"}}", "{\"type\":\"hello\",\"token\":{\"$gt\":\"\"}}",
                    "{\"type\":\"message\",\"text\":\"hi\"}", "{\"type\":\"../../x\"}")) {
                socket.sendRaw(frame);
                assertThat(socket.expect("error").get("message").asText()).as(abbreviate(frame)).isNotBlank();
            }
            socket.send(Map.of("type", "hello", "token", visitor.token()));
            socket.expect("ready");
            for (String text : List.of("<script>alert(1)</script>", "\u0000\u0007", "{\"$gt\":\"\"}", "../../etc/passwd")) {
                socket.send(Map.of("type", "message", "id", "x", "text", text));
                String type;
                do {
                    type = socket.next().get("type").asText();
                } while (type.equals("delta"));
                assertThat(type).as(text).isIn("reply", "error");
            }
            socket.send(Map.of("type", "feedback", "trackId", Map.of("$gt", ""), "liked", true));
            assertThat(socket.next().get("type").asText()).isIn("error", "feedback");
        }
        // a frame larger than the 16 KB limit closes that connection (1009) — and only that one
        try (WebClient.Socket big = visitor.connect()) {
            big.sendRaw("{\"type\":\"message\",\"text\":\"" + "x".repeat(40_000) + "\"}");
            assertThat(big.closeCode()).isEqualTo(1009);
        }
        stillAnswers();
    }

    private void check(Http.Response r, String what, List<String> problems) {
        boolean cleanError = r.status() >= 400 && r.status() < 500 && (r.contentType().contains("json") || r.body().isEmpty() || r.status() == 400);
        boolean safeReply = r.status() == 200 && r.contentType().contains("application/json");
        if (!(cleanError || safeReply) || r.body().contains("Exception") || r.body().contains("\tat ")) {
            problems.add(what + " -> " + r.status() + " " + r.contentType() + " " + abbreviate(r.body()));
        }
        stillAnswersQuietly(problems, what);
    }

    private void stillAnswersQuietly(List<String> problems, String after) {
        Http.Response ok = new Http(port).get("/actuator/health/liveness");
        if (ok.status() != 200) problems.add("server not answering after " + after);
    }

    private void stillAnswers() {
        Http.Response ok = new Http(port).postJson("/api/chat", Map.of("message", "something calm to study to"));
        assertThat(ok.status()).isEqualTo(200);
        assertThat(ok.json().get("tracks")).isNotEmpty();
    }

    private static String abbreviate(String s) {
        String clean = new String(s.getBytes(StandardCharsets.UTF_8), StandardCharsets.UTF_8).replaceAll("\\p{Cntrl}", "?");
        return clean.length() > 80 ? clean.substring(0, 80) + "…(" + clean.length() + ")" : clean;
    }
}
