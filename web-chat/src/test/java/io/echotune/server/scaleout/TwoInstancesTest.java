package io.echotune.server.scaleout;

import io.echotune.music.cache.RedisServer;
import com.fasterxml.jackson.databind.JsonNode;
import io.echotune.bot.linking.IdentityLinking;
import io.echotune.bot.linking.IssuedCode;
import io.echotune.bot.linking.Redemption;
import io.echotune.music.users.Users;
import io.echotune.server.EchoTuneServer;
import io.echotune.server.JsonHttp;
import io.modelcontextprotocol.client.McpClient;
import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.client.transport.HttpClientStreamableHttpTransport;
import io.modelcontextprotocol.client.transport.customizer.McpSyncHttpClientRequestCustomizer;
import io.modelcontextprotocol.spec.McpSchema;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two EchoTune servers on different ports, sharing one MongoDB (reached over TCP through MONGODB_URI) and one
 * Redis (REDIS_URL), behave as one system: a conversation whose turns alternate between them keeps its context,
 * playlists, likes and link codes made on one are seen by the other, MCP over HTTP may switch instance on every
 * request, and a locked scheduled job runs once per period across both.
 *
 * <p>Both servers run in this JVM as separate Spring contexts (as in RestartTest): they share no bean, no cache and
 * no embedded database — only what travels through MongoDB and Redis — which is what the test is about, and one
 * JVM starts them in about half the time two child JVMs would need on a 2-core machine.
 */
class TwoInstancesTest {

    static final String MCP_TOKEN = "scale-out-" + UUID.randomUUID();

    @TempDir
    static Path dir;

    static SharedMongo mongo;
    static RedisServer redis;
    static ConfigurableApplicationContext one;
    static ConfigurableApplicationContext two;
    static Instant bothUp;

    @BeforeAll
    static void startTwoInstances() throws Exception {
        mongo = new SharedMongo(dir.resolve("shared.mv.db"), 0);
        redis = new RedisServer(dir);
        one = start("one");
        two = start("two");
        bothUp = Instant.now();
    }

    private static ConfigurableApplicationContext start(String name) {
        return new SpringApplicationBuilder(EchoTuneServer.class, ScheduledProbe.class)
                .properties(
                        // exactly what a deployment sets: the environment variables (PORT=0: a free port each)
                        "PORT=0",
                        "MONGODB_URI=" + mongo.uri(),
                        "REDIS_URL=" + redis.url(),
                        // would only be used by an embedded database, which must not start: keep it out of ./data anyway
                        "echotune.storage.data-dir=" + dir.resolve(name),
                        "ECHOTUNE_MCP_TOKEN=" + MCP_TOKEN,
                        "scaleout.instance=" + name)
                .run();
    }

    @AfterAll
    static void stop() throws Exception {
        for (AutoCloseable c : new AutoCloseable[]{two, one, redis, mongo}) {
            if (c != null) c.close();
        }
    }

    private static JsonHttp http(ConfigurableApplicationContext context) {
        return new JsonHttp(((WebServerApplicationContext) context).getWebServer().getPort());
    }

    private static JsonNode turn(ConfigurableApplicationContext instance, String user, String session, String message) {
        Map<String, String> body = new HashMap<>(Map.of("userId", user, "message", message));
        if (session != null) body.put("sessionId", session);
        JsonHttp.Response response = http(instance).post("/api/chat", body);
        assertThat(response.status()).as(message + " → " + response.body()).isEqualTo(200);
        return response.json();
    }

    private static List<String> trackIds(JsonNode reply) {
        List<String> ids = new ArrayList<>();
        reply.get("tracks").forEach(t -> ids.add(t.get("id").asText()));
        return ids;
    }

    @Test
    void theInstancesRunOnTheSharedDatabaseAndRedisNotAnEmbeddedOne() {
        assertThat(one.getEnvironment().getProperty("echotune.mongodb.uri")).isEqualTo(mongo.uri());
        assertThat(one.containsBean("embeddedMongoServer")).isFalse();
        assertThat(two.containsBean("embeddedMongoServer")).isFalse();
        assertThat(two.getEnvironment().getProperty("REDIS_URL")).isEqualTo(redis.url());
        assertThat(redis.ping()).isEqualTo("+PONG");
        assertThat(http(one).get("/actuator/health/readiness").json().get("status").asText()).isEqualTo("UP");
        assertThat(http(two).get("/actuator/health/readiness").json().get("status").asText()).isEqualTo("UP");
    }

    @Test
    void aConversationWhoseTurnsAlternateBetweenInstancesKeepsItsContext() {
        String user = "alice-" + UUID.randomUUID();
        JsonNode picks = turn(one, user, null, "recommend some chill r&b");
        String session = picks.get("sessionId").asText();
        List<String> shown = trackIds(picks);
        assertThat(shown).hasSizeGreaterThanOrEqualTo(2);
        String secondTitle = picks.get("tracks").get(1).get("title").asText();

        JsonNode liked = turn(two, user, session, "I love the second one");
        assertThat(liked.get("intent").asText()).isEqualTo("feedback_positive");
        assertThat(liked.get("text").asText()).contains(secondTitle);

        JsonNode more = turn(one, user, session, "another one");
        assertThat(more.get("intent").asText()).isEqualTo("recommend");
        assertThat(more.get("tracks")).isNotEmpty();
        more.get("tracks").forEach(t -> assertThat(t.get("genres").toString()).contains("r&b"));
        assertThat(trackIds(more)).doesNotContainAnyElementsOf(shown);

        JsonNode playlist = turn(two, user, session, "make that a playlist called Late Night");
        assertThat(playlist.get("intent").asText()).isEqualTo("build_playlist");
        String playlistId = playlist.get("playlist").get("id").asText();

        JsonNode stored = http(one).get("/api/playlists/" + playlistId).json();
        assertThat(stored.get("name").asText()).isEqualTo("Late Night");
        assertThat(stored.get("tracks")).isNotEmpty();

        JsonNode favourites = turn(one, user, session, "what are my favourites?");
        assertThat(trackIds(favourites)).contains(shown.get(1));

        JsonNode history = http(two).get("/api/sessions/" + session).json();
        assertThat(history.get("turns")).hasSize(5);
        assertThat(history.get("turns").get(1).get("message").asText()).isEqualTo("I love the second one");
    }

    @Test
    void aLinkCodeIssuedOnOneInstanceIsRedeemedOnTheOther() {
        String user = "bob-" + UUID.randomUUID();
        String session = turn(one, user, null, "play something by Daft Punk").get("sessionId").asText();
        String userId = one.getBean(Users.class).forIdentity("rest", user, null).getId();

        IssuedCode code = one.getBean(IdentityLinking.class).issue(userId);
        Redemption redeemed = two.getBean(IdentityLinking.class).redeem(code.display(), "telegram", "tg-" + user);
        assertThat(redeemed).isEqualTo(new Redemption.Linked(userId, null));
        assertThat(one.getBean(Users.class).forIdentity("telegram", "tg-" + user, null).getId()).isEqualTo(userId);
        // the code is used up everywhere, not only on the instance that took it
        assertThat(one.getBean(IdentityLinking.class).redeem(code.code(), "discord", "dc-" + user)).isInstanceOf(Redemption.Rejected.class);
        assertThat(http(two).get("/api/sessions/" + session).status()).isEqualTo(200);
    }

    @Test
    void wrongLinkCodesCountAcrossInstances() {
        String identity = "guesser-" + UUID.randomUUID();
        for (int i = 0; i < 5; i++) {
            ConfigurableApplicationContext instance = i % 2 == 0 ? one : two;
            assertThat(instance.getBean(IdentityLinking.class).redeem("ABCD-EFGH", "discord", identity))
                    .isInstanceOf(Redemption.Rejected.class);
        }
        assertThat(one.getBean(IdentityLinking.class).redeem("ABCD-EFGH", "discord", identity)).isInstanceOf(Redemption.TooManyAttempts.class);
        assertThat(two.getBean(IdentityLinking.class).redeem("ABCD-EFGH", "discord", identity)).isInstanceOf(Redemption.TooManyAttempts.class);
    }

    @Test
    void mcpOverHttpIsStatelessSoEveryRequestMayGoToAnotherInstance() {
        int[] ports = {port(one), port(two)};
        AtomicInteger sent = new AtomicInteger();
        Set<Integer> portsUsed = ConcurrentHashMap.newKeySet();
        // a round-robin "load balancer" inside the client: each HTTP request goes to the other instance
        McpSyncHttpClientRequestCustomizer roundRobin = (request, method, uri, body, context) -> {
            int port = ports[sent.getAndIncrement() % 2];
            portsUsed.add(port);
            request.uri(URI.create("http://127.0.0.1:" + port + uri.getRawPath()));
            request.header("Authorization", "Bearer " + MCP_TOKEN);
        };
        try (McpSyncClient client = McpClient.sync(HttpClientStreamableHttpTransport.builder("http://127.0.0.1:" + ports[0])
                .endpoint("/mcp").httpRequestCustomizer(roundRobin).build()).requestTimeout(Duration.ofSeconds(30)).build()) {
            client.initialize();
            assertThat(client.listTools().tools()).extracting(McpSchema.Tool::name).contains("search_tracks", "recommend", "chat");
            McpSchema.CallToolResult first = client.callTool(new McpSchema.CallToolRequest("chat", Map.of("message", "some classic rock")));
            assertThat(first.isError()).isFalse();
            String session = (String) ((Map<?, ?>) first.structuredContent()).get("session_id");
            McpSchema.CallToolResult next = client.callTool(new McpSchema.CallToolRequest("chat", Map.of("message", "another one", "session_id", session)));
            assertThat(next.isError()).as(next.content().toString()).isFalse();
            assertThat(((Map<?, ?>) next.structuredContent()).get("intent")).isEqualTo("recommend");
        }
        assertThat(portsUsed).containsExactlyInAnyOrder(ports[0], ports[1]);
    }

    @Test
    void theMcpEndpointWantsTheConfiguredTokenAndRefusesForeignBrowserOrigins() {
        String initialize = "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"initialize\",\"params\":{\"protocolVersion\":\"2025-06-18\","
                + "\"capabilities\":{},\"clientInfo\":{\"name\":\"curl\",\"version\":\"1\"}}}";
        HttpResponse<String> anonymous = post(port(one), initialize, Map.of());
        assertThat(anonymous.statusCode()).isEqualTo(401);
        assertThat(anonymous.body()).contains("ECHOTUNE_MCP_TOKEN");

        HttpResponse<String> foreign = post(port(two), initialize, Map.of("Authorization", "Bearer " + MCP_TOKEN, "Origin", "http://evil.example"));
        assertThat(foreign.statusCode()).isEqualTo(403);

        HttpResponse<String> allowed = post(port(two), initialize, Map.of("Authorization", "Bearer " + MCP_TOKEN));
        assertThat(allowed.statusCode()).isEqualTo(200);
        assertThat(allowed.body()).contains("\"echotune\"");
    }

    private static HttpResponse<String> post(int port, String body, Map<String, String> headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/mcp"))
                .header("Content-Type", "application/json").header("Accept", "application/json, text/event-stream")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        headers.forEach(request::header);
        try {
            return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    private static int port(ConfigurableApplicationContext context) {
        return ((WebServerApplicationContext) context).getWebServer().getPort();
    }

    @Test
    void aLockedScheduledJobRunsOncePerPeriodAcrossBothInstances() throws InterruptedException {
        Instant from = Instant.now().isAfter(bothUp) ? Instant.now() : bothUp;
        Thread.sleep(4_200);
        List<ScheduledProbe.Run> locked = ScheduledProbe.LOCKED_RUNS.stream().filter(r -> r.at().isAfter(from)).toList();
        List<ScheduledProbe.Run> unlocked = ScheduledProbe.UNLOCKED_RUNS.stream().filter(r -> r.at().isAfter(from)).toList();

        // both schedulers fire every second: without the lock, each tick would run twice
        Map<Long, Set<String>> unlockedBySecond = unlocked.stream().collect(Collectors.groupingBy(
                r -> r.at().getEpochSecond(), Collectors.mapping(ScheduledProbe.Run::instance, Collectors.toSet())));
        assertThat(unlockedBySecond.values()).filteredOn(instances -> instances.size() == 2).hasSizeGreaterThanOrEqualTo(3);

        // with the lock, one run per period: at least 3 in 4.2 s, never two closer than the lock's minimum hold
        assertThat(locked).hasSizeBetween(3, 5);
        for (int i = 1; i < locked.size(); i++) {
            assertThat(Duration.between(locked.get(i - 1).at(), locked.get(i).at()))
                    .as("runs %s and %s", locked.get(i - 1), locked.get(i)).isGreaterThanOrEqualTo(Duration.ofMillis(750));
        }
    }
}
