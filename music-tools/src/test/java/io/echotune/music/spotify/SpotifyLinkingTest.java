package io.echotune.music.spotify;

import io.echotune.music.users.EchoUser;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;

import java.net.URI;
import java.time.Instant;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SpotifyLinkingTest extends SpotifyTestSupport {

    @Autowired
    MongoTemplate mongo;

    @Test
    void linkingWithPkceStoresTheTokensEncryptedAndImportsHistory() throws Exception {
        EchoUser user = newUser();
        URI login = linking.offer(user.getId()).loginUrl();
        assertThat(login.toString()).startsWith("http://127.0.0.1:18080/api/spotify/login?token=");

        SpotifyLinking.Authorization authorization = linking.authorization(FakeSpotify.params(login.getRawQuery()).get("token")).orElseThrow();
        Map<String, String> asked = FakeSpotify.params(authorization.authorizeUrl().getRawQuery());
        assertThat(authorization.authorizeUrl().toString()).startsWith(FAKE.baseUrl() + "/authorize?");
        assertThat(asked).containsEntry("client_id", FakeSpotify.CLIENT_ID)
                .containsEntry("response_type", "code")
                .containsEntry("code_challenge_method", "S256")
                .containsEntry("redirect_uri", "http://127.0.0.1:18080/api/spotify/callback")
                .containsEntry("scope", SpotifyProperties.SCOPES)
                .containsEntry("state", authorization.state());
        assertThat(asked.get("code_challenge")).hasSize(43);

        SpotifyLinking.Linked linked = link(user.getId());
        assertThat(linked.displayName()).isEqualTo("Ada Listener");
        assertThat(linked.spotifyUserId()).isEqualTo("spotify-user-1");
        assertThat(spotify.linkedAccount(user.getId())).contains("Ada Listener");

        Document stored = mongo.getCollection("users").find(new Document("_id", user.getId())).first();
        Document link = stored.get("spotify", Document.class);
        assertThat(link.getString("access_token")).startsWith("v1.").doesNotContain("user-access");
        assertThat(link.getString("refresh_token")).startsWith("v1.").doesNotContain("refresh-");
        assertThat(link.getString("spotify_user_id")).isEqualTo("spotify-user-1");
        assertThat(link.get("expires_at")).isNotNull();
        awaitFirstImport(user.getId());
    }

    @Test
    void anAnonymousCallerWithNoUserDocumentCanLinkToo() throws Exception {
        EchoUser anonymous = users.anonymous("rest");
        assertThat(mongo.getCollection("users").countDocuments(new Document("_id", anonymous.getId())))
                .as("an anonymous REST caller is not stored").isZero();

        SpotifyLinking.Linked linked = link(anonymous.getId());
        assertThat(linked.spotifyUserId()).isEqualTo("spotify-user-1");
        assertThat(spotify.linkedAccount(anonymous.getId())).contains("Ada Listener");
        Document stored = mongo.getCollection("users").find(new Document("_id", anonymous.getId())).first();
        assertThat(stored.get("spotify", Document.class).getString("access_token")).startsWith("v1.");
        assertThat(stored.get("created_at")).isNotNull();
        awaitFirstImport(anonymous.getId());
    }

    @Test
    void aStateWorksOnceAndAnUnknownOneIsRefused() throws Exception {
        EchoUser user = newUser();
        String token = FakeSpotify.params(linking.offer(user.getId()).loginUrl().getRawQuery()).get("token");
        SpotifyLinking.Authorization authorization = linking.authorization(token).orElseThrow();
        var consent = browser.send(java.net.http.HttpRequest.newBuilder(authorization.authorizeUrl()).build(),
                java.net.http.HttpResponse.BodyHandlers.discarding());
        Map<String, String> callback = FakeSpotify.params(URI.create(consent.headers().firstValue("Location").orElseThrow()).getRawQuery());

        assertThatThrownBy(() -> linking.complete("forged-state", callback.get("code")))
                .isInstanceOfSatisfying(SpotifyException.class, e -> assertThat(e.reason()).isEqualTo(SpotifyException.Reason.NOT_LINKED));
        linking.complete(callback.get("state"), callback.get("code"));
        assertThatThrownBy(() -> linking.complete(callback.get("state"), callback.get("code")))
                .isInstanceOfSatisfying(SpotifyException.class, e -> assertThat(e.getMessage()).contains("expired or was already used"));
        assertThat(linking.authorization(token)).as("the login link is spent with its state").isEmpty();
        awaitFirstImport(user.getId());
    }

    @Test
    void anExpiredLoginLinkIsRefused() {
        EchoUser user = newUser();
        mongo.insert(new PendingLink("old-token", user.getId(), "old-state", "v1.x", Instant.now().minusSeconds(1)));
        assertThat(linking.authorization("old-token")).isEmpty();
        assertThatThrownBy(() -> linking.complete("old-state", "any-code")).isInstanceOf(SpotifyException.class);
        assertThat(accounts.isLinked(user.getId())).isFalse();
    }

    @Test
    void unlinkDeletesTheTokens() throws Exception {
        EchoUser user = newUser();
        link(user.getId());
        awaitFirstImport(user.getId());
        assertThat(spotify.unlink(user.getId()).status()).isEqualTo(SpotifyOutcome.Status.DONE);
        Document stored = mongo.getCollection("users").find(new Document("_id", user.getId())).first();
        assertThat(stored).doesNotContainKey("spotify");
        assertThat(spotify.unlink(user.getId()).status()).isEqualTo(SpotifyOutcome.Status.NOT_LINKED);
        assertThatThrownBy(() -> accounts.call(user.getId(), (api, token) -> token))
                .isInstanceOfSatisfying(SpotifyException.class, e -> assertThat(e.reason()).isEqualTo(SpotifyException.Reason.NOT_LINKED));
    }

    @Test
    void aTokenCloseToExpiryIsRefreshedBeforeUse() throws Exception {
        EchoUser user = newUser();
        FAKE.tokenLifetimeSeconds = 60; // inside the two-minute margin
        try {
            link(user.getId());
            awaitFirstImport(user.getId());
        } finally {
            FAKE.tokenLifetimeSeconds = 3600;
        }
        String before = accounts.link(user.getId()).orElseThrow().accessToken();
        FAKE.clearSeen();
        String name = accounts.call(user.getId(), (api, token) -> api.getCurrentUsersProfile().build().execute().getDisplayName());
        assertThat(name).isEqualTo("Ada Listener");
        assertThat(FAKE.seen()).anySatisfy(s -> assertThat(s.body()).contains("grant_type=refresh_token"));
        assertThat(FAKE.count("GET", "/v1/me")).as("no 401 first: refreshed before the call").isEqualTo(1);
        assertThat(accounts.link(user.getId()).orElseThrow().accessToken()).isNotEqualTo(before);
    }

    @Test
    void a401RefreshesTheTokenOnceAndRetries() throws Exception {
        EchoUser user = newUser();
        link(user.getId());
        awaitFirstImport(user.getId());
        FAKE.expireAccessTokens();
        FAKE.clearSeen();
        String name = accounts.call(user.getId(), (api, token) -> api.getCurrentUsersProfile().build().execute().getDisplayName());
        assertThat(name).isEqualTo("Ada Listener");
        assertThat(FAKE.count("GET", "/v1/me")).isEqualTo(2);
        assertThat(FAKE.seen()).filteredOn(s -> s.body().contains("grant_type=refresh_token")).hasSize(1);
    }

    @Test
    void aRevokedLinkIsRemovedAndThePersonAskedToLinkAgain() throws Exception {
        EchoUser user = newUser();
        link(user.getId());
        awaitFirstImport(user.getId());
        FAKE.expireAccessTokens();
        FAKE.revokeRefreshTokens();
        assertThatThrownBy(() -> accounts.call(user.getId(), (api, token) -> api.getCurrentUsersProfile().build().execute()))
                .isInstanceOfSatisfying(SpotifyException.class, e -> {
                    assertThat(e.reason()).isEqualTo(SpotifyException.Reason.NOT_LINKED);
                    assertThat(e.getMessage()).contains("link my Spotify");
                });
        assertThat(accounts.isLinked(user.getId())).isFalse();
    }
}
