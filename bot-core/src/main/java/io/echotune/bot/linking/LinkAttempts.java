package io.echotune.bot.linking;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.mapping.Document;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * Counts wrong link codes per channel identity in a fixed window, in MongoDB so the limit holds across restarts
 * and server instances: with 31^8 possible codes and a handful of tries per window, guessing is hopeless.
 */
@Component
class LinkAttempts {

    static final int MAX_FAILURES = 5;
    static final Duration WINDOW = Duration.ofMinutes(15);

    private final MongoTemplate mongo;
    private final Clock clock;

    LinkAttempts(MongoTemplate mongo, Clock clock) {
        this.mongo = mongo;
        this.clock = clock;
    }

    @Document("link_attempts")
    record Window(@Id String identity, Instant startedAt, int failures) {
    }

    /** How long the identity must wait before trying again; empty when it may try now. */
    Optional<Duration> blockedFor(String identity) {
        Window window = mongo.findById(identity, Window.class);
        Instant now = clock.instant();
        if (window == null || window.failures() < MAX_FAILURES || !window.startedAt().plus(WINDOW).isAfter(now)) {
            return Optional.empty();
        }
        return Optional.of(Duration.between(now, window.startedAt().plus(WINDOW)));
    }

    void failed(String identity) {
        Instant now = clock.instant();
        Query query = Query.query(Criteria.where("identity").is(identity));
        Window window = mongo.findById(identity, Window.class);
        if (window == null || !window.startedAt().plus(WINDOW).isAfter(now)) {
            mongo.save(new Window(identity, now, 1));
        } else {
            mongo.findAndModify(query, new Update().inc("failures", 1), FindAndModifyOptions.options().returnNew(true), Window.class);
        }
    }

    void succeeded(String identity) {
        mongo.remove(Query.query(Criteria.where("identity").is(identity)), Window.class);
    }
}
