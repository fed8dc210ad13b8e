package io.echotune.server.faults;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * MongoDB stops in the middle of a conversation and comes back: while it is down a turn is answered 503 within a
 * bounded wait, with a sentence saying nothing was saved (never a 200 for a turn that was not stored); the rest of
 * the server keeps answering; after it is back the same conversation goes on, and every turn that was acknowledged
 * is in chat_sessions.
 */
class MongoOutageTest {

    @TempDir
    Path dir;

    @Test
    void noAcknowledgedTurnIsLostAcrossADatabaseOutage() throws Exception {
        try (StoppableMongo mongo = new StoppableMongo(dir.resolve("outage.mv.db"));
             Instance server = Instance.start("MONGODB_URI=" + mongo.uri(), "ECHOTUNE_MONGO_WAIT=2s")) {
            Http http = server.http();
            List<String> acknowledged = new ArrayList<>();
            String session = turn(http, null, "hi there", acknowledged).get("sessionId").asText();
            turn(http, session, "something calm to study to", acknowledged);

            mongo.stop();
            long start = System.nanoTime();
            Http.Response down = http.postJson("/api/chat", Map.of("sessionId", session, "message", "another one"));
            Duration waited = Duration.ofNanos(System.nanoTime() - start);
            assertThat(down.status()).isEqualTo(503);
            assertThat(down.header("Retry-After")).contains("5");
            assertThat(down.json().get("detail").asText()).contains("cannot reach its database").contains("nothing was saved");
            assertThat(waited).as("a bounded wait, not the driver's 30 s").isLessThan(Duration.ofSeconds(15));
            // what does not need the database still answers
            assertThat(http.get("/api/tracks/search?q=daft+punk").status()).isEqualTo(200);
            assertThat(http.get("/actuator/health/liveness").status()).isEqualTo(200);
            Http.Response readiness = http.get("/actuator/health/readiness");
            assertThat(readiness.status()).as("not ready without its database: " + readiness.body()).isEqualTo(503);

            mongo.start();
            JsonNode back = null;
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (back == null && System.nanoTime() < deadline) { // the client retries as the 503 asked it to
                Http.Response r = http.postJson("/api/chat", Map.of("sessionId", session, "message", "another one"));
                if (r.status() == 200) {
                    back = r.json();
                    acknowledged.add("another one");
                } else {
                    assertThat(r.status()).isEqualTo(503);
                    Thread.sleep(500);
                }
            }
            assertThat(back).as("the conversation goes on once the database is back").isNotNull();
            assertThat(back.get("sessionId").asText()).isEqualTo(session);
            turn(http, session, "make that a playlist", acknowledged);

            JsonNode stored = http.get("/api/sessions/" + session).json();
            List<String> messages = new ArrayList<>();
            stored.get("turns").forEach(t -> messages.add(t.get("message").asText()));
            assertThat(messages).as("every acknowledged turn, once, in order").containsExactlyElementsOf(acknowledged);
            assertThat(http.get("/actuator/health/readiness").status()).isEqualTo(200);
        }
    }

    @Test
    void underLoadEveryAcknowledgedTurnIsStoredOnceAndInOrderAcrossAnOutage() throws Exception {
        try (StoppableMongo mongo = new StoppableMongo(dir.resolve("load.mv.db"));
             Instance server = Instance.start("MONGODB_URI=" + mongo.uri(), "ECHOTUNE_MONGO_WAIT=1s",
                     "ECHOTUNE_RATE_LIMITS_ENABLED=false")) { // eight clients from one address
            Http http = server.http();
            Map<String, List<String>> acknowledged = new ConcurrentHashMap<>(); // session → its acknowledged messages
            AtomicInteger refused = new AtomicInteger();
            List<String> unexpected = new CopyOnWriteArrayList<>();
            AtomicBoolean running = new AtomicBoolean(true);
            try (ExecutorService clients = Executors.newVirtualThreadPerTaskExecutor()) {
                for (int c = 0; c < 8; c++) {
                    int client = c;
                    clients.submit(() -> {
                        String session = null;
                        for (int i = 0; running.get(); i++) {
                            String message = MESSAGES.get(i % MESSAGES.size()) + " (client " + client + ", turn " + i + ")";
                            Http.Response r = http.postJson("/api/chat",
                                    session == null ? Map.of("message", message) : Map.of("sessionId", session, "message", message));
                            if (r.status() == 200) {
                                session = r.json().get("sessionId").asText();
                                acknowledged.computeIfAbsent(session, k -> new CopyOnWriteArrayList<>()).add(message);
                            } else if (r.status() == 503) {
                                refused.incrementAndGet();
                                Thread.sleep(100); // a client backs off, then sends its next message
                            } else {
                                unexpected.add(r.status() + " " + r.body());
                            }
                        }
                        return null;
                    });
                }
                Thread.sleep(1_500);
                mongo.stop();
                Thread.sleep(2_500);
                mongo.start();
                Thread.sleep(3_000); // the clients carry on against the restarted database
                running.set(false);
            }

            System.out.printf("MongoOutageTest under load: %d turns acknowledged in %d conversations, %d answered 503%n",
                    acknowledged.values().stream().mapToInt(List::size).sum(), acknowledged.size(), refused.get());
            assertThat(unexpected).as("every failure is a clean 503").isEmpty();
            assertThat(refused.get()).as("the outage was felt").isPositive();
            assertThat(acknowledged.values().stream().mapToInt(List::size).sum()).as("turns before and after").isGreaterThan(40);
            acknowledged.forEach((session, messages) -> {
                List<String> stored = new ArrayList<>();
                http.get("/api/sessions/" + session).json().get("turns").forEach(t -> stored.add(t.get("message").asText()));
                // a turn answered 503 while its write was already on its way may be stored too; never the reverse
                assertThat(stored).as("session " + session).doesNotHaveDuplicates().containsSubsequence(messages);
            });
        }
    }

    private static final List<String> MESSAGES = List.of("something calm to study to", "another one", "some classic rock",
            "more like Daft Punk", "80s rock");

    private static JsonNode turn(Http http, String session, String message, List<String> acknowledged) {
        Map<String, String> body = session == null ? Map.of("message", message) : Map.of("sessionId", session, "message", message);
        Http.Response r = http.postJson("/api/chat", body);
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        acknowledged.add(message);
        return r.json();
    }
}
