package io.echotune.music.spotify;

import io.echotune.music.users.EchoUser;
import io.echotune.music.users.Users;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * One Spring context (music tools, Spotify on, mongo-java-server) against one {@link FakeSpotify}, shared by the
 * Spotify tests. Each test works with its own fresh user.
 */
@SpringBootTest(classes = SpotifyTestApplication.class)
abstract class SpotifyTestSupport {

    static final FakeSpotify FAKE = new FakeSpotify();
    static final String TOKEN_KEY = "Fg0+c8ElgmaUTIuuOwCZywlrvpcdNqjeWmYsKWbE+2k=";

    @DynamicPropertySource
    static void spotify(DynamicPropertyRegistry registry) {
        registry.add("echotune.spotify.client-id", () -> FakeSpotify.CLIENT_ID);
        registry.add("echotune.spotify.client-secret", () -> FakeSpotify.CLIENT_SECRET);
        registry.add("echotune.spotify.token-key", () -> TOKEN_KEY);
        registry.add("echotune.spotify.redirect-uri", () -> "http://127.0.0.1:18080/api/spotify/callback");
        registry.add("echotune.spotify.api-base-url", () -> FAKE.baseUrl().toString());
        registry.add("echotune.spotify.accounts-base-url", () -> FAKE.baseUrl().toString());
        registry.add("echotune.spotify.initial-backoff", () -> "20ms");
        registry.add("spring.data.mongodb.auto-index-creation", () -> "true");
        registry.add("spring.data.mongodb.field-naming-strategy",
                () -> "org.springframework.data.mapping.model.SnakeCaseFieldNamingStrategy");
    }

    @Autowired
    Spotify spotify;
    @Autowired
    SpotifyLinking linking;
    @Autowired
    SpotifyAccounts accounts;
    @Autowired
    Users users;

    final HttpClient browser = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    EchoUser newUser() {
        return users.forIdentity("test", UUID.randomUUID().toString(), null);
    }

    /** What a person does: opens the login link, agrees on Spotify's page, and Spotify redirects to the callback. */
    SpotifyLinking.Linked link(String userId) throws Exception {
        URI login = linking.offer(userId).loginUrl();
        String token = FakeSpotify.params(login.getRawQuery()).get("token");
        SpotifyLinking.Authorization authorization = linking.authorization(token).orElseThrow();
        HttpResponse<Void> consent = browser.send(HttpRequest.newBuilder(authorization.authorizeUrl()).build(),
                HttpResponse.BodyHandlers.discarding());
        assertThat(consent.statusCode()).isEqualTo(303);
        Map<String, String> callback = FakeSpotify.params(URI.create(consent.headers().firstValue("Location").orElseThrow()).getRawQuery());
        return linking.complete(callback.get("state"), callback.get("code"));
    }

    /** Waits for the import that linking starts in the background. */
    void awaitFirstImport(String userId) throws InterruptedException {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(10));
        while (accounts.link(userId).map(l -> l.lastImportAt() == null).orElse(true)) {
            assertThat(Instant.now()).as("first import finished in time").isBefore(deadline);
            Thread.sleep(20);
        }
    }
}
