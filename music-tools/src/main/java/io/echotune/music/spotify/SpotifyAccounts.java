package io.echotune.music.spotify;

import io.echotune.music.users.EchoUser;
import io.echotune.music.users.EchoUser.SpotifyLink;
import org.apache.hc.core5.http.ParseException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Update;
import se.michaelthelin.spotify.SpotifyApi;
import se.michaelthelin.spotify.exceptions.SpotifyWebApiException;
import se.michaelthelin.spotify.exceptions.detailed.BadRequestException;
import se.michaelthelin.spotify.exceptions.detailed.ForbiddenException;
import se.michaelthelin.spotify.exceptions.detailed.UnauthorizedException;
import se.michaelthelin.spotify.model_objects.credentials.AuthorizationCodeCredentials;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

/**
 * Linked Spotify accounts: stores a user's tokens sealed in {@code users.spotify}, hands out a working access token
 * (refreshed shortly before it expires) and runs calls on the user's behalf, refreshing once when Spotify answers 401.
 */
public class SpotifyAccounts {

    private static final Logger log = LoggerFactory.getLogger(SpotifyAccounts.class);
    /** Refresh this long before expiry, so a token never runs out in the middle of an import. */
    private static final Duration REFRESH_MARGIN = Duration.ofMinutes(2);

    /** One call to Spotify made with a user's token. */
    @FunctionalInterface
    public interface UserCall<T> {
        T run(SpotifyApi api, String accessToken) throws IOException, SpotifyWebApiException, ParseException;
    }

    private final MongoTemplate mongo;
    private final SpotifyClients clients;
    private final TokenCipher cipher;
    private final Clock clock;
    private final ConcurrentHashMap<String, ReentrantLock> refreshLocks = new ConcurrentHashMap<>();

    public SpotifyAccounts(MongoTemplate mongo, SpotifyClients clients, TokenCipher cipher, Clock clock) {
        this.mongo = mongo;
        this.clients = clients;
        this.cipher = cipher;
        this.clock = clock;
    }

    public Optional<SpotifyLink> link(String userId) {
        return Optional.ofNullable(mongo.findById(userId, EchoUser.class)).flatMap(EchoUser::spotifyLink);
    }

    public boolean isLinked(String userId) {
        return link(userId).isPresent();
    }

    /** Stores freshly granted tokens for the user; replaces any earlier link. */
    public SpotifyLink save(String userId, AuthorizationCodeCredentials credentials, String spotifyUserId, String displayName) {
        Instant now = clock.instant();
        SpotifyLink link = new SpotifyLink(spotifyUserId, displayName,
                cipher.encrypt(credentials.getAccessToken(), userId),
                cipher.encrypt(credentials.getRefreshToken(), userId),
                now.plusSeconds(credentials.getExpiresIn()), credentials.getScope(), now, null);
        // an upsert: an anonymous REST caller has no user document until now (Users.anonymous)
        mongo.upsert(query(where("id").is(userId)), Update.update("spotify", link).setOnInsert("createdAt", now)
                .setOnInsert("lastSeenAt", now), EchoUser.class);
        return link;
    }

    /** Forgets the link and its tokens. Answers whether there was one. */
    public boolean unlink(String userId) {
        return mongo.updateFirst(query(where("id").is(userId).and("spotify").exists(true)), new Update().unset("spotify"),
                EchoUser.class).getModifiedCount() > 0;
    }

    public void markImported(String userId, Instant at) {
        mongo.updateFirst(query(where("id").is(userId).and("spotify").exists(true)), Update.update("spotify.lastImportAt", at),
                EchoUser.class);
    }

    /** Users with a linked account, for the periodic import. */
    public List<String> linkedUserIds() {
        var q = query(where("spotify").exists(true));
        q.fields().include("id");
        return mongo.find(q, EchoUser.class).stream().map(EchoUser::getId).toList();
    }

    /**
     * Runs a call with the user's token. A 401 means the token died early (revoked, or clocks disagree): the token
     * is refreshed once and the call retried. Spotify being down or rate-limiting past our patience becomes
     * {@link SpotifyException.Reason#UNAVAILABLE}; a revoked link is removed and becomes {@code NOT_LINKED}.
     */
    public <T> T call(String userId, UserCall<T> call) {
        String token = accessToken(userId, false);
        try {
            try {
                return call.run(clients.withToken(token), token);
            } catch (UnauthorizedException expired) {
                log.info("Spotify answered 401 for user {}: refreshing the token once", userId);
                String fresh = accessToken(userId, true);
                return call.run(clients.withToken(fresh), fresh);
            }
        } catch (UnauthorizedException stillRefused) {
            throw SpotifyException.unavailable(stillRefused);
        } catch (ForbiddenException refused) {
            throw new SpotifyException(SpotifyException.Reason.REFUSED, "Spotify refused that for your account ("
                    + refused.getMessage() + "). If this server's Spotify app is in development mode, your account "
                    + "has to be added to its user list.", refused);
        } catch (IOException | SpotifyWebApiException | ParseException e) {
            throw SpotifyException.unavailable(e);
        }
    }

    /** A usable access token: the stored one while it has time left, else a refreshed one. */
    String accessToken(String userId, boolean forceRefresh) {
        SpotifyLink link = link(userId).orElseThrow(SpotifyException::notLinked);
        if (!forceRefresh && link.expiresAt().isAfter(clock.instant().plus(REFRESH_MARGIN))) {
            return open(link.accessToken(), userId);
        }
        ReentrantLock lock = refreshLocks.computeIfAbsent(userId, id -> new ReentrantLock());
        lock.lock();
        try {
            // another thread may have refreshed while we waited: refresh tokens can rotate, so never use one twice
            SpotifyLink current = link(userId).orElseThrow(SpotifyException::notLinked);
            boolean refreshedMeanwhile = !current.accessToken().equals(link.accessToken());
            if (refreshedMeanwhile && current.expiresAt().isAfter(clock.instant().plus(REFRESH_MARGIN))) {
                return open(current.accessToken(), userId);
            }
            return refresh(userId, current);
        } finally {
            lock.unlock();
        }
    }

    private String refresh(String userId, SpotifyLink link) {
        AuthorizationCodeCredentials fresh;
        try {
            fresh = clients.app().authorizationCodePKCERefresh(clients.properties().clientId(), open(link.refreshToken(), userId))
                    .build().execute();
        } catch (BadRequestException revoked) {
            // invalid_grant: the person removed EchoTune's access in Spotify, or the refresh token expired
            log.info("Spotify refused to refresh the token of user {} ({}); removing the link", userId, revoked.getMessage());
            unlink(userId);
            throw new SpotifyException(SpotifyException.Reason.NOT_LINKED,
                    "Your Spotify link has expired or was removed in Spotify. Say \"link my Spotify\" to link it again.", revoked);
        } catch (IOException | SpotifyWebApiException | ParseException e) {
            throw SpotifyException.unavailable(e);
        }
        Instant now = clock.instant();
        // Spotify may or may not rotate the refresh token; keep the old one when it doesn't send a new one
        String refreshToken = fresh.getRefreshToken() != null ? cipher.encrypt(fresh.getRefreshToken(), userId) : link.refreshToken();
        Update update = new Update()
                .set("spotify.accessToken", cipher.encrypt(fresh.getAccessToken(), userId))
                .set("spotify.refreshToken", refreshToken)
                .set("spotify.expiresAt", now.plusSeconds(fresh.getExpiresIn()));
        mongo.updateFirst(query(where("id").is(userId).and("spotify").exists(true)), update, EchoUser.class);
        log.debug("Refreshed the Spotify token of user {}", userId);
        return fresh.getAccessToken();
    }

    private String open(String sealed, String userId) {
        try {
            return cipher.decrypt(sealed, userId);
        } catch (IllegalArgumentException e) {
            // ECHOTUNE_TOKEN_KEY changed since the link was made: the stored tokens are useless, ask to link again
            log.warn("Stored Spotify token of user {} does not decrypt with the current ECHOTUNE_TOKEN_KEY; removing the link", userId);
            unlink(userId);
            throw SpotifyException.notLinked();
        }
    }
}
