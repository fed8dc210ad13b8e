package io.echotune.channels.discord;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import okhttp3.Response;
import okhttp3.WebSocket;
import okhttp3.WebSocketListener;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Predicate;

/**
 * A fake Discord on 127.0.0.1 speaking the real JSON: the REST API under /api/v10 (users/@me, application commands,
 * interaction callbacks and webhook edits, channel messages and typing) and the gateway WebSocket at /gateway
 * (HELLO, IDENTIFY → READY, heartbeats, then whatever dispatches a test sends: INTERACTION_CREATE, MESSAGE_CREATE).
 */
final class FakeDiscord implements AutoCloseable {

    static final String TOKEN = "fake-discord-token";
    static final String BOT_ID = "900000000000000001";
    static final String APP_ID = "800000000000000001";

    record Call(String method, String path, JsonNode body) {
    }

    private final ObjectMapper json = new ObjectMapper();
    private final MockWebServer server = new MockWebServer();
    private final List<Call> calls = new CopyOnWriteArrayList<>();
    private final List<JsonNode> fromBot = new CopyOnWriteArrayList<>();
    private final AtomicReference<WebSocket> gateway = new AtomicReference<>();
    private final AtomicInteger sequence = new AtomicInteger();
    private final AtomicLong ids = new AtomicLong();

    FakeDiscord() {
        server.setDispatcher(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) {
                return FakeDiscord.this.dispatch(request);
            }
        });
        try {
            server.start(InetAddress.getByName("127.0.0.1"), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    String restBaseUrl() {
        return "http://127.0.0.1:" + server.getPort() + "/api/v10/";
    }

    String gatewayUrl() {
        return "ws://127.0.0.1:" + server.getPort() + "/gateway";
    }

    /** A snowflake made now: JDA reads the creation time from ids and refuses to answer "expired" interactions. */
    String nextId() {
        long discordEpoch = 1_420_070_400_000L;
        return Long.toString(((System.currentTimeMillis() - discordEpoch) << 22) | (ids.incrementAndGet() & 0x3FFFFF));
    }

    // ---- gateway ----

    private final WebSocketListener listener = new WebSocketListener() {
        @Override
        public void onOpen(WebSocket socket, Response response) {
            gateway.set(socket);
            socket.send("{\"op\":10,\"d\":{\"heartbeat_interval\":41250},\"s\":null,\"t\":null}");
        }

        @Override
        public void onMessage(WebSocket socket, String text) {
            try {
                JsonNode frame = json.readTree(text);
                fromBot.add(frame);
                switch (frame.path("op").asInt()) {
                    case 1 -> socket.send("{\"op\":11,\"d\":null,\"s\":null,\"t\":null}");
                    case 2 -> socket.send(dispatch("READY", ready(frame.path("d").path("shard"))).toString());
                    default -> { }
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    };

    private ObjectNode ready(JsonNode shard) {
        ObjectNode d = json.createObjectNode();
        d.put("v", 10);
        d.set("user", user(BOT_ID, "EchoTune", true));
        d.putArray("guilds");
        d.putArray("private_channels");
        d.put("session_id", "fake-session");
        d.put("resume_gateway_url", gatewayUrl());
        d.putObject("application").put("id", APP_ID).put("flags", 0);
        if (shard.isArray()) {
            d.set("shard", shard);
        }
        return d;
    }

    private ObjectNode dispatch(String type, JsonNode data) {
        ObjectNode frame = json.createObjectNode();
        frame.put("op", 0).put("t", type).put("s", sequence.incrementAndGet());
        frame.set("d", data);
        return frame;
    }

    /** The IDENTIFY the bot sent, once it has. */
    JsonNode awaitIdentify() {
        return await(() -> fromBot.stream().filter(f -> f.path("op").asInt() == 2).findFirst().orElse(null));
    }

    /** A slash command used in a DM by {@code userId}. */
    void slashCommand(String userId, String channelId, String name, String option, String value) {
        ObjectNode data = json.createObjectNode().put("id", nextId()).put("name", name).put("type", 1);
        ArrayNode options = data.putArray("options");
        if (value != null) {
            options.addObject().put("name", option).put("type", 3).put("value", value);
        }
        sendInteraction(2, userId, channelId, data, null);
    }

    /** A press on a button of a message the bot posted. */
    void button(String userId, String channelId, String customId, JsonNode botMessage) {
        ObjectNode data = json.createObjectNode().put("custom_id", customId).put("component_type", 2);
        sendInteraction(3, userId, channelId, data, botMessage);
    }

    private void sendInteraction(int type, String userId, String channelId, ObjectNode data, JsonNode message) {
        ObjectNode d = json.createObjectNode();
        d.put("id", nextId()).put("application_id", APP_ID).put("type", type).put("token", "itoken-" + nextId()).put("version", 1);
        d.put("channel_id", channelId);
        ObjectNode channel = json.createObjectNode().put("id", channelId).put("type", 1);
        channel.putArray("recipients").add(user(userId, "user" + userId, false));
        d.set("channel", channel);
        d.set("user", user(userId, "user" + userId, false));
        d.set("data", data);
        d.put("locale", "en-US").put("app_permissions", "0").put("context", 1).put("attachment_size_limit", 8_388_608);
        d.putArray("entitlements");
        d.putObject("authorizing_integration_owners").put("1", userId);
        if (message != null) {
            d.set("message", message);
        }
        send(dispatch("INTERACTION_CREATE", d));
    }

    /** A direct message from {@code userId}. */
    void directMessage(String userId, String channelId, String content) {
        ObjectNode d = message(nextId(), channelId, user(userId, "user" + userId, false), content);
        send(dispatch("MESSAGE_CREATE", d));
    }

    private void send(JsonNode frame) {
        WebSocket socket = await(gateway::get);
        socket.send(frame.toString());
    }

    // ---- REST ----

    List<Call> calls() {
        return calls;
    }

    Call awaitCall(String method, String pathPart, Predicate<JsonNode> test) {
        return await(() -> calls.stream().filter(c -> c.method().equals(method) && c.path().contains(pathPart) && test.test(c.body()))
                .findFirst().orElse(null));
    }

    /** Calls after the first {@code skip} matching ones: for a conversation that posts several times. */
    Call awaitCall(String method, String pathPart, int index) {
        return await(() -> {
            var matching = calls.stream().filter(c -> c.method().equals(method) && c.path().contains(pathPart)).toList();
            return matching.size() > index ? matching.get(index) : null;
        });
    }

    private MockResponse dispatch(RecordedRequest request) {
        String path = request.getUrl().encodedPath();
        if (path.equals("/gateway")) {
            return new MockResponse.Builder().webSocketUpgrade(listener).build();
        }
        if (!("Bot " + TOKEN).equals(request.getHeaders().get("Authorization"))) {
            return reply(401, json.createObjectNode().put("message", "401: Unauthorized").put("code", 0));
        }
        String route = path.replaceFirst("^/api/v10/", "");
        JsonNode body = body(request);
        calls.add(new Call(request.getMethod(), route, body));
        String method = request.getMethod();
        if (method.equals("GET") && route.equals("users/@me")) {
            return reply(200, user(BOT_ID, "EchoTune", true));
        }
        if (method.equals("GET") && route.equals("applications/@me")) {
            return reply(200, json.createObjectNode().put("id", APP_ID).put("name", "EchoTune").put("description", "")
                    .put("bot_public", true).put("bot_require_code_grant", false).put("flags", 0));
        }
        if (method.equals("PUT") && route.equals("applications/" + APP_ID + "/commands")) {
            ArrayNode created = json.createArrayNode();
            body.forEach(c -> {
                ObjectNode command = ((ObjectNode) c.deepCopy()).put("id", nextId()).put("application_id", APP_ID).put("version", nextId());
                command.put("type", 1).put("default_member_permissions", (String) null);
                created.add(command);
            });
            return reply(200, created);
        }
        if (method.equals("POST") && route.matches("interactions/\\d+/[^/]+/callback")) {
            return new MockResponse.Builder().code(204).build();
        }
        if (method.equals("PATCH") && route.startsWith("webhooks/" + APP_ID + "/") && route.endsWith("/messages/@original")) {
            return reply(200, fromRequest(body, "0"));
        }
        if (method.equals("POST") && route.matches("channels/\\d+/typing")) {
            return new MockResponse.Builder().code(204).build();
        }
        if (method.equals("POST") && route.matches("channels/\\d+/messages")) {
            return reply(200, fromRequest(body, route.split("/")[1]));
        }
        return reply(404, json.createObjectNode().put("message", "Unknown route " + method + " " + route).put("code", 0));
    }

    private JsonNode body(RecordedRequest request) {
        try {
            if (request.getBody() == null || request.getBody().size() == 0) {
                return json.createObjectNode();
            }
            String text = request.getBody().utf8();
            String type = String.valueOf(request.getHeaders().get("Content-Type"));
            if (type.startsWith("multipart/form-data")) {
                // JDA sends message edits as multipart with the JSON in the "payload_json" part
                int start = text.indexOf('{');
                int end = text.lastIndexOf('}');
                return json.readTree(text.substring(start, end + 1));
            }
            return json.readTree(text);
        } catch (IOException e) {
            return json.createObjectNode().put("unreadable", true);
        }
    }

    /** The message object Discord answers with for a create or edit request. */
    ObjectNode fromRequest(JsonNode request, String channelId) {
        ObjectNode message = message(nextId(), channelId, user(BOT_ID, "EchoTune", true), request.path("content").asText(""));
        if (request.has("embeds")) {
            ArrayNode embeds = message.putArray("embeds");
            request.get("embeds").forEach(e -> embeds.add(((ObjectNode) e.deepCopy()).put("type", "rich")));
        }
        if (request.has("components")) {
            message.set("components", request.get("components"));
        }
        return message;
    }

    private ObjectNode message(String id, String channelId, ObjectNode author, String content) {
        ObjectNode message = json.createObjectNode();
        message.put("id", id).put("channel_id", channelId).put("content", content).put("type", 0)
                .put("timestamp", Instant.now().toString()).put("tts", false).put("mention_everyone", false)
                .put("pinned", false).put("flags", 0);
        message.set("author", author);
        message.putArray("mentions");
        message.putArray("mention_roles");
        message.putArray("attachments");
        message.putArray("embeds");
        message.putArray("components");
        return message;
    }

    private ObjectNode user(String id, String name, boolean bot) {
        ObjectNode user = json.createObjectNode().put("id", id).put("username", name).put("discriminator", "0")
                .put("global_name", name).put("bot", bot);
        user.putNull("avatar");
        return user;
    }

    private MockResponse reply(int status, JsonNode body) {
        return new MockResponse.Builder().code(status).addHeader("Content-Type", "application/json").body(body.toString()).build();
    }

    private static <T> T await(java.util.function.Supplier<T> probe) {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(20));
        while (Instant.now().isBefore(deadline)) {
            T value = probe.get();
            if (value != null) {
                return value;
            }
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        throw new AssertionError("Timed out waiting for the bot");
    }

    @Override
    public void close() {
        WebSocket socket = gateway.get();
        if (socket != null) {
            socket.close(1000, "test over");
        }
        server.close();
    }
}
