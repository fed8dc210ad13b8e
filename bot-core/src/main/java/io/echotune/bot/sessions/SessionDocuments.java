package io.echotune.bot.sessions;

import io.echotune.bot.sessions.SessionContext.StoredRequest;
import io.echotune.music.storage.MappedDocuments;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.springframework.data.mongodb.core.convert.MongoConverter;

import java.util.Map;

/**
 * The documents of {@code chat_sessions} that every chat turn writes, built directly: what Spring Data's mapping writes
 * for these records (field names and type key from the mapping, no null fields, instants converted as it converts
 * them), which still reads them back. {@code SessionDocumentsTest} compares the two field by field, so a field added to
 * a record and not here fails the build.
 *
 * <p>Why by hand: the reflective mapping (with its conversion lookups and lifecycle events) was about a fifteenth of
 * the server's CPU per turn under load, more than building these documents and writing them with the driver costs
 * altogether. Only these writes skip it; everything else, reads included, stays with the mapping.
 */
final class SessionDocuments {

    private static final Class<ChatSession> SESSION = ChatSession.class;
    private static final Class<SessionTurn> TURN = SessionTurn.class;
    private static final Class<SessionContext> CONTEXT = SessionContext.class;
    private static final Class<StoredRequest> REQUEST = StoredRequest.class;

    private final MappedDocuments mapped;

    SessionDocuments(MongoConverter converter) {
        this.mapped = new MappedDocuments(converter, SESSION, TURN, CONTEXT, REQUEST);
    }

    String collection() {
        return mapped.collection(SESSION);
    }

    /** The update that appends a turn and replaces the context: one atomic {@code $push} and {@code $set}. */
    Bson turnAppended(SessionTurn turn, SessionContext context) {
        Document set = new Document();
        set.put(mapped.field(SESSION, "context"), context(context));
        mapped.put(set, SESSION, "updatedAt", turn.at());
        return new Document("$push", new Document(mapped.field(SESSION, "turns"), turn(turn))).append("$set", set);
    }

    Document session(ChatSession session) {
        Document d = new Document("_id", session.id());
        mapped.put(d, SESSION, "userId", session.userId());
        mapped.put(d, SESSION, "channel", session.channel());
        mapped.put(d, SESSION, "createdAt", session.createdAt());
        mapped.put(d, SESSION, "updatedAt", session.updatedAt());
        d.put(mapped.field(SESSION, "turns"), session.turns().stream().map(this::turn).toList());
        d.put(mapped.field(SESSION, "context"), context(session.context()));
        mapped.writeType(SESSION, d);
        return d;
    }

    Document turn(SessionTurn turn) {
        Document d = new Document();
        mapped.put(d, TURN, "at", turn.at());
        mapped.put(d, TURN, "userText", turn.userText());
        mapped.put(d, TURN, "replyText", turn.replyText());
        mapped.put(d, TURN, "intent", turn.intent());
        mapped.put(d, TURN, "confidence", turn.confidence());
        mapped.put(d, TURN, "sentiment", turn.sentiment());
        mapped.put(d, TURN, "sentimentScore", turn.sentimentScore());
        mapped.put(d, TURN, "planner", turn.planner());
        mapped.put(d, TURN, "trackIds", turn.trackIds());
        mapped.put(d, TURN, "playlistId", turn.playlistId());
        return d;
    }

    Document context(SessionContext context) {
        Document d = new Document();
        mapped.put(d, CONTEXT, "shownTrackIds", context.shownTrackIds());
        d.put(mapped.field(CONTEXT, "reasons"), reasonsByTrack(context.reasons()));
        if (context.lastRequest() != null) {
            d.put(mapped.field(CONTEXT, "lastRequest"), request(context.lastRequest()));
        }
        mapped.put(d, CONTEXT, "lastPlaylistId", context.lastPlaylistId());
        mapped.put(d, CONTEXT, "lastIntent", context.lastIntent());
        return d;
    }

    private Document request(StoredRequest r) {
        Document d = new Document();
        mapped.put(d, REQUEST, "seedTrackIds", r.seedTrackIds());
        mapped.put(d, REQUEST, "seedArtists", r.seedArtists());
        mapped.put(d, REQUEST, "genres", r.genres());
        mapped.put(d, REQUEST, "moods", r.moods());
        mapped.put(d, REQUEST, "activities", r.activities());
        mapped.put(d, REQUEST, "yearFrom", r.yearFrom());
        mapped.put(d, REQUEST, "yearTo", r.yearTo());
        mapped.put(d, REQUEST, "count", r.count());
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
}
