package io.echotune.music.spotify;

import io.echotune.music.users.EchoUser.SpotifyLink;
import org.apache.hc.core5.http.ParseException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.mongodb.core.MongoTemplate;
import se.michaelthelin.spotify.exceptions.SpotifyWebApiException;
import se.michaelthelin.spotify.exceptions.detailed.BadRequestException;
import se.michaelthelin.spotify.model_objects.credentials.AuthorizationCodeCredentials;
import se.michaelthelin.spotify.model_objects.specification.User;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.Optional;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

/**
 * Links a Spotify account to an EchoTune user with the Authorization Code flow and PKCE: hands out a short-lived
 * login link, turns it into Spotify's authorize URL, and on the callback checks the state, exchanges the code with
 * the code verifier, stores the tokens and starts the first history import.
 */
public class SpotifyLinking {

    private static final Logger log = LoggerFactory.getLogger(SpotifyLinking.class);
    private static final Base64.Encoder BASE64URL = Base64.getUrlEncoder().withoutPadding();

    /** A login link for a user, and how long it works. */
    public record LinkOffer(URI loginUrl, Duration validFor) {
    }

    /** Where the login endpoint sends the browser, and the state the callback must see again. */
    public record Authorization(URI authorizeUrl, String state) {
    }

    /** A finished link: whose EchoTune account, which Spotify account. */
    public record Linked(String userId, String spotifyUserId, String displayName) {
    }

    private final MongoTemplate mongo;
    private final SpotifyClients clients;
    private final SpotifyAccounts accounts;
    private final SpotifyHistoryImport importer;
    private final TokenCipher cipher;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    public SpotifyLinking(MongoTemplate mongo, SpotifyClients clients, SpotifyAccounts accounts, SpotifyHistoryImport importer,
                          TokenCipher cipher, Clock clock) {
        this.mongo = mongo;
        this.clients = clients;
        this.accounts = accounts;
        this.importer = importer;
        this.cipher = cipher;
        this.clock = clock;
    }

    /** A fresh login link tied to the user: {@code <server>/api/spotify/login?token=…}. */
    public LinkOffer offer(String userId) {
        String token = randomToken(32);
        String verifier = randomToken(64); // 86 characters, within PKCE's 43–128
        Duration validity = clients.properties().linkValidity();
        mongo.insert(new PendingLink(token, userId, randomToken(32), cipher.encrypt(verifier, token), clock.instant().plus(validity)));
        URI login = URI.create(clients.properties().loginUrl() + "?token=" + token); // base64url: nothing to escape
        return new LinkOffer(login, validity);
    }

    /** Spotify's authorize URL for a login link; empty when the link is unknown, used or expired. */
    public Optional<Authorization> authorization(String token) {
        if (token == null || token.isBlank()) return Optional.empty();
        PendingLink pending = mongo.findById(token, PendingLink.class);
        if (pending == null || !pending.expiresAt().isAfter(clock.instant())) return Optional.empty();
        String challenge = BASE64URL.encodeToString(sha256(cipher.decrypt(pending.codeVerifier(), pending.token())));
        URI uri = clients.app().authorizationCodePKCEUri(challenge)
                .state(pending.state())
                .scope(SpotifyProperties.SCOPES)
                .build().execute();
        return Optional.of(new Authorization(clients.http().retarget(uri), pending.state()));
    }

    /**
     * Completes the link after Spotify redirected back with a code. The pending link is taken atomically, so a state
     * works once.
     *
     * @throws SpotifyException NOT_LINKED when the state is unknown, used or expired or the code is refused;
     *                          UNAVAILABLE when Spotify cannot be reached
     */
    public Linked complete(String state, String code) {
        PendingLink pending = state == null ? null : mongo.findAndRemove(query(where("state").is(state)), PendingLink.class);
        if (pending == null || !pending.expiresAt().isAfter(clock.instant())) {
            throw new SpotifyException(SpotifyException.Reason.NOT_LINKED,
                    "This Spotify login has expired or was already used. Ask EchoTune to \"link my Spotify\" again for a new link.");
        }
        String verifier = cipher.decrypt(pending.codeVerifier(), pending.token());
        try {
            AuthorizationCodeCredentials credentials = clients.app()
                    .authorizationCodePKCE(code, verifier).build().execute();
            User me = clients.withToken(credentials.getAccessToken()).getCurrentUsersProfile().build().execute();
            SpotifyLink link = accounts.save(pending.userId(), credentials, me.getId(), me.getDisplayName());
            log.info("User {} linked Spotify account {} (scopes: {})", pending.userId(), me.getId(), link.scope());
            importer.importInBackground(pending.userId());
            return new Linked(pending.userId(), me.getId(), me.getDisplayName());
        } catch (BadRequestException refused) {
            throw new SpotifyException(SpotifyException.Reason.NOT_LINKED,
                    "Spotify did not accept this login (" + refused.getMessage() + "). Ask EchoTune to \"link my Spotify\" again.", refused);
        } catch (IOException | SpotifyWebApiException | ParseException e) {
            throw SpotifyException.unavailable(e);
        }
    }

    /** How long a login link works. */
    public Duration linkValidity() {
        return clients.properties().linkValidity();
    }

    /** Where Spotify sends the browser back to (the registered redirect URI). */
    public URI redirectUri() {
        return clients.properties().redirectUri();
    }

    public boolean unlink(String userId) {
        return accounts.unlink(userId);
    }

    private String randomToken(int bytes) {
        byte[] b = new byte[bytes];
        random.nextBytes(b);
        return BASE64URL.encodeToString(b);
    }

    private static byte[] sha256(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.US_ASCII));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }
}
