package io.echotune.server.faults;

import io.echotune.music.spotify.FakeSpotify;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A tool that is slow for one person does not hold up anyone else: Spotify answers a search with 429 and
 * Retry-After 3 s (as in a rate-limit storm), the search tool honours it for that turn, and meanwhile other people's
 * turns are answered at once, even with a single slot for chat turns ({@code TurnSlots}): a turn gives its slot back
 * while it waits on Spotify.
 */
class SlowToolTest {

    private static final FakeSpotify SPOTIFY = new FakeSpotify();
    private static Instance server;

    @BeforeAll
    static void start() throws Exception {
        String dir = Files.createTempDirectory("echotune-slow-tool").toString();
        // one slot for chat turns: a turn waiting on Spotify must give it back, or every other turn waits too
        server = Instance.start("ECHOTUNE_DATA_DIR=" + dir, "ECHOTUNE_RATE_LIMITS_ENABLED=false", "echotune.chat.turn-slots=1",
                "echotune.spotify.client-id=" + FakeSpotify.CLIENT_ID,
                "echotune.spotify.client-secret=" + FakeSpotify.CLIENT_SECRET,
                "echotune.spotify.token-key=Fg0+c8ElgmaUTIuuOwCZywlrvpcdNqjeWmYsKWbE+2k=",
                "echotune.spotify.api-base-url=" + SPOTIFY.baseUrl(),
                "echotune.spotify.accounts-base-url=" + SPOTIFY.baseUrl());
    }

    @AfterAll
    static void stop() {
        server.close();
        SPOTIFY.close();
    }

    @Test
    void oneSlowSearchDoesNotDelayOtherPeoplesTurns() throws Exception {
        Http http = server.http();
        SPOTIFY.rateLimitNext("/v1/search", 3);

        long start = System.nanoTime();
        CompletableFuture<Http.Response> slow = CompletableFuture.supplyAsync(
                () -> http.postJson("/api/chat", Map.of("message", "find Bohemian Rhapsody by Queen")));
        // wait until the slow turn is actually waiting on Spotify
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (SPOTIFY.count("GET", "/v1/search") == 0 && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertThat(SPOTIFY.count("GET", "/v1/search")).as("the slow turn reached Spotify").isPositive();

        for (String message : new String[]{"hi there", "something calm to study to", "make a playlist of 10 chill songs"}) {
            long before = System.nanoTime();
            Http.Response other = http.postJson("/api/chat", Map.of("message", message));
            Duration took = Duration.ofNanos(System.nanoTime() - before);
            assertThat(other.status()).isEqualTo(200);
            assertThat(took).as("'%s' while another turn waits on Spotify", message).isLessThan(Duration.ofSeconds(2));
        }
        assertThat(slow).as("the slow turn is still waiting for Spotify's Retry-After").isNotDone();

        Http.Response answered = slow.get(20, TimeUnit.SECONDS);
        assertThat(answered.status()).isEqualTo(200);
        assertThat(answered.json().get("tracks")).isNotEmpty();
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofMillis(2900));
    }
}
