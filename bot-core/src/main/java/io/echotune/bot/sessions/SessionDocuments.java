package io.echotune.bot.sessions;

import io.echotune.bot.sessions.SessionContext.StoredRequest;
import org.bson.Document;

import java.time.Instant;
import java.util.Date;
import java.util.Map;

/**
 * The documents of {@code chat_sessions} that every chat turn writes, built directly: exactly what Spring Data's
 * mapping writes for these records (snake_case names, no null fields, instants as dates, {@code _class} on the
 * session), which still reads them back. {@code SessionDocumentsTest} compares the two field by field, so a field
 * added to a record and not here fails the build.
 *
 * <p>Why by hand: the reflective mapping (with its conversion lookups and lifecycle events) was about a fifteenth of
 * the server's CPU per turn under load, more than building these documents and writing them with the driver costs
 * altogether. Only these writes skip it; everything else, reads included, stays with the mapping.
 */
final class SessionDocuments {

    static final String COLLECTION = "chat_sessions";
    static final String TURNS = "turns";
    static final String CONTEXT = "context";
    static final String UPDATED_AT = "updated_at";

    private SessionDocuments() {
    }

    static Document session(ChatSession session) {
        Document d = new Document("_id", session.id());
        put(d, "user_id", session.userId());
        put(d, "channel", session.channel());
        put(d, "created_at", date(session.createdAt()));
        put(d, UPDATED_AT, date(session.updatedAt()));
        d.put(TURNS, session.turns().stream().map(SessionDocuments::turn).toList());
        d.put(CONTEXT, context(session.context()));
        d.put("_class", ChatSession.class.getName());
        return d;
    }

    static Document turn(SessionTurn turn) {
        Document d = new Document();
        put(d, "at", date(turn.at()));
        put(d, "user_text", turn.userText());
        put(d, "reply_text", turn.replyText());
        put(d, "intent", turn.intent());
        d.put("confidence", turn.confidence());
        put(d, "sentiment", turn.sentiment());
        d.put("sentiment_score", turn.sentimentScore());
        put(d, "planner", turn.planner());
        d.put("track_ids", turn.trackIds());
        put(d, "playlist_id", turn.playlistId());
        return d;
    }

    static Document context(SessionContext context) {
        Document d = new Document();
        d.put("shown_track_ids", context.shownTrackIds());
        d.put("reasons", reasonsByTrack(context.reasons()));
        if (context.lastRequest() != null) {
            d.put("last_request", request(context.lastRequest()));
        }
        put(d, "last_playlist_id", context.lastPlaylistId());
        put(d, "last_intent", context.lastIntent());
        return d;
    }

    private static Document request(StoredRequest r) {
        Document d = new Document();
        d.put("seed_track_ids", r.seedTrackIds());
        d.put("seed_artists", r.seedArtists());
        d.put("genres", r.genres());
        d.put("moods", r.moods());
        d.put("activities", r.activities());
        put(d, "year_from", r.yearFrom());
        put(d, "year_to", r.yearTo());
        d.put("count", r.count());
        return d;
    }

    /**
     * Track ids are the keys; the mapping refuses a key with a dot (a path in a query), and so does this, rather than
     * store what the mapping could not have stored.
     */
    private static Document reasonsByTrack(Map<String, String> reasons) {
        Document d = new Document();
        reasons.forEach((trackId, reason) -> {
            if (trackId.contains(".")) {
                throw new IllegalArgumentException("A track id with a dot cannot be a key of a stored reason: " + trackId);
            }
            d.put(trackId, reason);
        });
        return d;
    }

    private static void put(Document d, String field, Object value) {
        if (value != null) {
            d.put(field, value);
        }
    }

    private static Date date(Instant instant) {
        return instant == null ? null : Date.from(instant);
    }
}
