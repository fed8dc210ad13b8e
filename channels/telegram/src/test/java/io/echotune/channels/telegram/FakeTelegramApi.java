package io.echotune.channels.telegram;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;

/**
 * A fake Telegram Bot API on 127.0.0.1 speaking the real API's JSON: /bot&lt;token&gt;/&lt;method&gt; for getMe,
 * getUpdates (long polling, held up to a second), sendMessage, sendChatAction, answerCallbackQuery,
 * editMessageReplyMarkup, setWebhook, deleteWebhook, setMyCommands. Tests queue updates, script failures
 * (429 with retry_after, 502 pages) and read back every call the bot made.
 */
final class FakeTelegramApi implements AutoCloseable {

    static final String TOKEN = "123456:TEST-token";
    static final long BOT_ID = 999;
    static final String BOT_USERNAME = "EchoTuneTestBot";

    static final List<String> METHODS = List.of("getMe", "getUpdates", "sendMessage", "sendChatAction", "answerCallbackQuery",
            "editMessageReplyMarkup", "setWebhook", "deleteWebhook", "setMyCommands");

    record Call(String method, JsonNode body, Instant at) {
    }

    private final ObjectMapper json = new ObjectMapper();
    private final MockWebServer server = new MockWebServer();
    private final List<ObjectNode> updates = new ArrayList<>();
    private final List<Call> calls = new CopyOnWriteArrayList<>();
    private final Map<String, Deque<MockResponse>> failures = new ConcurrentHashMap<>();
    private final AtomicInteger nextUpdateId = new AtomicInteger(1);
    private final AtomicInteger nextMessageId = new AtomicInteger(100);

    FakeTelegramApi() {
        server.setDispatcher(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) throws InterruptedException {
                return FakeTelegramApi.this.dispatch(request);
            }
        });
        try {
            server.start(InetAddress.getByName("127.0.0.1"), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    String baseUrl() {
        return "http://127.0.0.1:" + server.getPort();
    }

    // ---- what tests do ----

    /** A text message from a person in a private chat (chat id = user id, as on Telegram). */
    ObjectNode privateMessage(long userId, String text) {
        return message(userId, "private", userId, text);
    }

    ObjectNode message(long chatId, String chatType, long userId, String text) {
        ObjectNode message = json.createObjectNode();
        message.put("message_id", nextMessageId.incrementAndGet());
        message.put("date", Instant.now().getEpochSecond());
        message.set("chat", chat(chatId, chatType));
        message.set("from", user(userId, "User" + userId, false));
        message.put("text", text);
        ArrayNode entities = json.createArrayNode();
        if (text.startsWith("/")) {
            entities.addObject().put("type", "bot_command").put("offset", 0).put("length", text.split(" ")[0].length());
        }
        int at = text.indexOf("@" + BOT_USERNAME);
        if (at >= 0 && !text.startsWith("/")) {
            entities.addObject().put("type", "mention").put("offset", at).put("length", BOT_USERNAME.length() + 1);
        }
        if (!entities.isEmpty()) {
            message.set("entities", entities);
        }
        return message;
    }

    void push(ObjectNode message) {
        ObjectNode update = json.createObjectNode();
        update.set("message", message);
        enqueue(update);
    }

    /** A press on a button of {@code botMessage} (a sendMessage the bot made) by {@code userId}. */
    void press(long userId, JsonNode botMessage, String data) {
        ObjectNode query = json.createObjectNode();
        query.put("id", "cq-" + nextUpdateId.get());
        query.set("from", user(userId, "User" + userId, false));
        query.put("chat_instance", "ci-1");
        query.put("data", data);
        query.set("message", sentMessage(botMessage));
        ObjectNode update = json.createObjectNode();
        update.set("callback_query", query);
        enqueue(update);
    }

    /** The next {@code count} calls of {@code method} answer with this HTTP status and body. */
    void failNext(String method, int status, String body) {
        failures.computeIfAbsent(method, m -> new ArrayDeque<>())
                .add(new MockResponse.Builder().code(status).addHeader("Content-Type", body.startsWith("{") ? "application/json" : "text/html").body(body).build());
    }

    List<Call> calls(String method) {
        return calls.stream().filter(c -> c.method().equals(method)).toList();
    }

    /** Waits for a call of {@code method} matching {@code test}. */
    Call await(String method, Predicate<JsonNode> test) {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(20));
        while (Instant.now().isBefore(deadline)) {
            for (Call call : calls) {
                if (call.method().equals(method) && test.test(call.body())) {
                    return call;
                }
            }
            sleep(20);
        }
        throw new AssertionError("No " + method + " matching the test within 20 s; calls: " + calls.stream().map(Call::method).toList());
    }

    /** The sendMessage calls to a chat, in order. */
    List<JsonNode> sentTo(long chatId) {
        return calls("sendMessage").stream().map(Call::body).filter(b -> b.path("chat_id").asText().equals(Long.toString(chatId))).toList();
    }

    // ---- the API ----

    private MockResponse dispatch(RecordedRequest request) throws InterruptedException {
        List<String> segments = request.getUrl().pathSegments();
        if (segments.size() != 2 || !segments.get(0).equals("bot" + TOKEN)) {
            return reply(404, error(404, "Not Found"));
        }
        // the Bot API takes method names in any case (telegrambots sends e.g. "getme", "sendmessage")
        String method = METHODS.stream().filter(m -> m.equalsIgnoreCase(segments.get(1))).findFirst().orElse(segments.get(1));
        JsonNode body;
        try {
            String type = String.valueOf(request.getHeaders().get("Content-Type"));
            body = request.getBody() == null || request.getBody().size() == 0 ? json.createObjectNode()
                    : type.startsWith("multipart/form-data") ? formFields(request.getBody().utf8(), type)
                    : json.readTree(request.getBody().utf8());
        } catch (IOException e) {
            return reply(400, error(400, "Bad Request: can't parse JSON"));
        }
        Deque<MockResponse> scripted = failures.get(method);
        synchronized (this) {
            if (scripted != null && !scripted.isEmpty()) {
                calls.add(new Call(method + ":failed", body, Instant.now()));
                return scripted.poll();
            }
        }
        if (method.equals("getUpdates")) {
            return reply(200, ok(updatesFrom(body.path("offset").asInt(0))));
        }
        calls.add(new Call(method, body, Instant.now()));
        return switch (method) {
            case "getMe" -> reply(200, ok(user(BOT_ID, "EchoTune", true).put("username", BOT_USERNAME)));
            case "sendMessage" -> reply(200, ok(sentMessage(body)));
            case "editMessageReplyMarkup" -> reply(200, ok(sentMessage(body)));
            case "sendChatAction", "answerCallbackQuery", "setWebhook", "deleteWebhook", "setMyCommands" ->
                    reply(200, ok(json.getNodeFactory().booleanNode(true)));
            default -> reply(404, error(404, "Not Found: method not found"));
        };
    }

    /** The fields of a multipart/form-data body (setWebhook is sent this way, as it may carry a certificate). */
    private ObjectNode formFields(String body, String contentType) {
        String boundary = "--" + contentType.replaceFirst(".*boundary=", "").replace("\"", "");
        ObjectNode fields = json.createObjectNode();
        for (String part : body.split(java.util.regex.Pattern.quote(boundary))) {
            int headerEnd = part.indexOf("\r\n\r\n");
            var name = java.util.regex.Pattern.compile("name=\"([^\"]+)\"").matcher(part);
            if (headerEnd > 0 && name.find()) {
                fields.put(name.group(1), part.substring(headerEnd + 4).replaceFirst("\r\n$", ""));
            }
        }
        return fields;
    }

    /** Long polling: what is at or after the offset, waiting up to a second for something to arrive. */
    private JsonNode updatesFrom(int offset) throws InterruptedException {
        Instant deadline = Instant.now().plusSeconds(1);
        synchronized (updates) {
            while (true) {
                ArrayNode result = json.createArrayNode();
                updates.removeIf(u -> u.get("update_id").asInt() < offset); // confirmed by the offset
                updates.forEach(result::add);
                long left = Duration.between(Instant.now(), deadline).toMillis();
                if (!result.isEmpty() || left <= 0) {
                    return result;
                }
                updates.wait(left);
            }
        }
    }

    private void enqueue(ObjectNode update) {
        synchronized (updates) {
            update.put("update_id", nextUpdateId.getAndIncrement());
            updates.add(update);
            updates.notifyAll();
        }
    }

    /** The Message object Telegram returns for a sendMessage / edit request body. */
    private ObjectNode sentMessage(JsonNode request) {
        ObjectNode message = json.createObjectNode();
        message.put("message_id", request.has("message_id") ? request.get("message_id").asInt() : nextMessageId.incrementAndGet());
        message.put("date", Instant.now().getEpochSecond());
        long chatId = request.path("chat_id").asLong();
        message.set("chat", chat(chatId, chatId < 0 ? "group" : "private"));
        message.set("from", user(BOT_ID, "EchoTune", true).put("username", BOT_USERNAME));
        message.put("text", request.path("text").asText(""));
        if (request.has("reply_markup")) {
            message.set("reply_markup", request.get("reply_markup"));
        }
        return message;
    }

    private ObjectNode chat(long id, String type) {
        ObjectNode chat = json.createObjectNode().put("id", id).put("type", type);
        return type.equals("private") ? chat.put("first_name", "User" + id) : chat.put("title", "Music club");
    }

    private ObjectNode user(long id, String name, boolean bot) {
        return json.createObjectNode().put("id", id).put("is_bot", bot).put("first_name", name);
    }

    private ObjectNode ok(JsonNode result) {
        ObjectNode ok = json.createObjectNode().put("ok", true);
        ok.set("result", result);
        return ok;
    }

    private ObjectNode error(int code, String description) {
        return json.createObjectNode().put("ok", false).put("error_code", code).put("description", description);
    }

    private MockResponse reply(int status, JsonNode body) {
        return new MockResponse.Builder().code(status).addHeader("Content-Type", "application/json").body(body.toString()).build();
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        server.close();
    }
}
