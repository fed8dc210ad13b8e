package io.echotune.bot.linking;

import io.echotune.bot.sessions.ChatSession;
import io.echotune.music.history.ListeningEvent;
import io.echotune.music.history.ListeningHistory;
import io.echotune.music.playlists.Playlist;
import io.echotune.music.recommend.RecommendationLog;
import io.echotune.music.recommend.RecommendationRecord;
import io.echotune.music.users.EchoUser;
import io.echotune.music.users.UserRepository;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Service;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * One person, one taste, everywhere: {@link #issue} gives a user a short one-time code; {@link #redeem} entered on
 * another channel moves that channel identity onto the issuing user and folds in whatever the identity's old user
 * had (listening history, playlists, recommendations, chat sessions), so nothing is lost.
 */
@Service
public class IdentityLinking {

    /** No 0/O, 1/I/L: read aloud or copied from a phone, a code should not be mistyped. */
    static final String ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789";
    static final int CODE_LENGTH = 8;
    public static final Duration VALIDITY = Duration.ofMinutes(10);

    private static final Logger log = LoggerFactory.getLogger(IdentityLinking.class);

    private final MongoTemplate mongo;
    private final UserRepository users;
    private final ListeningHistory history;
    private final LinkAttempts attempts;
    private final RecommendationLog shown;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    public IdentityLinking(MongoTemplate mongo, UserRepository users, ListeningHistory history, LinkAttempts attempts,
                           RecommendationLog shown, Clock clock) {
        this.mongo = mongo;
        this.shown = shown;
        this.users = users;
        this.history = history;
        this.attempts = attempts;
        this.clock = clock;
    }

    /** A fresh code for {@code userId}; any earlier code of theirs stops working. */
    public IssuedCode issue(String userId) {
        Instant now = clock.instant();
        mongo.remove(Query.query(new Criteria().orOperator(
                Criteria.where("userId").is(userId), Criteria.where("expiresAt").lt(now))), LinkCode.class);
        while (true) {
            LinkCode code = new LinkCode(randomCode(), userId, now, now.plus(VALIDITY));
            try {
                mongo.insert(code);
                return new IssuedCode(code.code(), code.expiresAt());
            } catch (DuplicateKeyException taken) {
                // another user holds this code right now (one chance in ~10^11): draw again
            }
        }
    }

    /**
     * Joins the identity {@code channel:externalId} to the user who issued {@code code}. Spaces, dashes and case in
     * the typed code do not matter.
     */
    public Redemption redeem(String code, String channel, String externalId) {
        String identity = channel + ":" + externalId;
        Optional<Duration> blocked = attempts.blockedFor(identity);
        if (blocked.isPresent()) {
            return new Redemption.TooManyAttempts(blocked.get());
        }
        String normalised = normalise(code);
        LinkCode found = normalised.length() != CODE_LENGTH ? null
                : mongo.findAndRemove(Query.query(Criteria.where("code").is(normalised)), LinkCode.class);
        if (found == null || !found.expiresAt().isAfter(clock.instant())) {
            attempts.failed(identity);
            return new Redemption.Rejected();
        }
        attempts.succeeded(identity);
        Optional<EchoUser> current = users.findByIdentities(identity);
        if (current.isPresent() && current.get().getId().equals(found.userId())) {
            return new Redemption.AlreadyLinked(found.userId());
        }
        if (users.findById(found.userId()).isEmpty()) {
            return new Redemption.Rejected(); // the issuing user was itself merged away meanwhile
        }
        if (current.isEmpty()) {
            addIdentities(found.userId(), List.of(identity), List.of());
            return new Redemption.Linked(found.userId(), null);
        }
        merge(current.get(), found.userId());
        return new Redemption.Linked(found.userId(), current.get().getId());
    }

    /**
     * Folds user {@code from} into {@code intoUserId}. Data is re-pointed first and the old user document deleted
     * last but one, so a crash half-way leaves the data with the person who asked for the link, never orphaned.
     */
    private void merge(EchoUser from, String intoUserId) {
        String old = from.getId();
        Query owned = Query.query(Criteria.where("userId").is(old));
        Update repoint = new Update().set("userId", intoUserId);
        long events = mongo.updateMulti(owned, repoint, ListeningEvent.class).getModifiedCount();
        history.changed(intoUserId);
        long playlists = mongo.updateMulti(owned, repoint, Playlist.class).getModifiedCount();
        long sessions = mongo.updateMulti(owned, repoint, ChatSession.class).getModifiedCount();
        shown.flush(Duration.ofSeconds(5)); // what was shown to them just before may still be on its way (written behind)
        mongo.updateMulti(owned, repoint, RecommendationRecord.class);
        // identities are unique across users: free them before adding them to the surviving user
        mongo.remove(Query.query(Criteria.where("id").is(old)), EchoUser.class);
        addIdentities(intoUserId, from.getIdentities(), from.getFavouriteGenres());
        log.info("Merged user {} into {}: {} history entries, {} playlists, {} chat sessions", old, intoUserId,
                events, playlists, sessions);
    }

    private void addIdentities(String userId, List<String> identities, List<String> genres) {
        Update update = new Update().addToSet("identities").each(new ArrayList<>(identities));
        if (!genres.isEmpty()) {
            update.addToSet("favouriteGenres").each(new ArrayList<>(genres));
        }
        mongo.updateFirst(Query.query(Criteria.where("id").is(userId)), update, EchoUser.class);
    }

    private String randomCode() {
        StringBuilder code = new StringBuilder(CODE_LENGTH);
        for (int i = 0; i < CODE_LENGTH; i++) {
            code.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
        }
        return code.toString();
    }

    static String normalise(String typed) {
        return typed == null ? "" : typed.replaceAll("[\\s-]", "").toUpperCase(Locale.ROOT);
    }
}
