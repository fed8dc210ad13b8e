package io.echotune.server.storage;

import de.bwaldvogel.mongo.bson.BinData;
import de.bwaldvogel.mongo.bson.BsonJavaScript;
import de.bwaldvogel.mongo.bson.BsonRegularExpression;
import de.bwaldvogel.mongo.bson.BsonTimestamp;
import de.bwaldvogel.mongo.bson.Decimal128;
import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.bson.LegacyUUID;
import de.bwaldvogel.mongo.bson.MaxKey;
import de.bwaldvogel.mongo.bson.MinKey;
import de.bwaldvogel.mongo.bson.ObjectId;
import org.h2.mvstore.MVStoreException;
import org.h2.mvstore.WriteBuffer;
import org.h2.mvstore.type.ObjectDataType;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Documents go into the file as BSON and come back equal, and the Java-serialized documents of older files still read,
 * side by side with new ones in the same page.
 */
class BsonDocumentTypeTest {

    private final BsonDocumentType type = new BsonDocumentType();
    /** What mongo-java-server's H2 backend stores documents with: the old format. */
    private final ObjectDataType javaSerialization = new ObjectDataType();

    @Test
    void everyValueTypeComesBackEqualAndInOrder() {
        Document document = everyType();
        Document read = (Document) roundTrip(document);
        assertThat(read).isEqualTo(document);
        assertThat(read.keySet()).containsExactlyElementsOf(document.keySet());
        // no equals of its own: compared by its parts
        Document regex = (Document) roundTrip(new Document("regex", new BsonRegularExpression("^trop.*lia$", "i")));
        assertThat(regex.get("regex")).isInstanceOfSatisfying(BsonRegularExpression.class, r -> {
            assertThat(r.getPattern()).isEqualTo("^trop.*lia$");
            assertThat(r.getOptions()).isEqualTo("i");
        });
    }

    @Test
    void writesBsonBehindATagTheOldFormatRefuses() {
        ByteBuffer written = written(buff -> type.write(buff, everyType()));
        assertThat(written.get(0)).isEqualTo(BsonDocumentType.BSON);
        // BSON's own length follows, and it is all that was written
        assertThat(Integer.reverseBytes(written.getInt(1))).isEqualTo(written.remaining() - 1);
        // the plain backend fails loudly on a file written here, rather than reading something else
        assertThatThrownBy(() -> javaSerialization.read(written)).isInstanceOf(MVStoreException.class).hasMessageContaining("Unknown tag");
    }

    @Test
    void aDocumentEncodedAsItIsStoredIsWrittenFromThoseBytesOnce() {
        Document stored = session("s-1");
        ByteBuffer fresh = written(buff -> type.write(buff, session("s-1")));
        type.encodeNow(stored);
        // changed without being stored again (which the server never does), only to tell which encoding the write used
        stored.put("user_text", "changed after it was stored");
        assertThat(written(buff -> type.write(buff, stored))).as("the bytes encoded when it was stored").isEqualTo(fresh);
        assertThat(type.read(written(buff -> type.write(buff, stored)))).as("written again: encoded then").isEqualTo(stored);
    }

    @Test
    void readsOldAndNewDocumentsSideBySide() {
        List<Object> documents = List.of(session("old-1"), session("new-1"), session("old-2"), everyType(), session("old-3"));
        ByteBuffer written = written(buff -> {
            for (int i = 0; i < documents.size(); i++) {
                (i % 2 == 0 ? javaSerialization : type).write(buff, documents.get(i));
            }
        });
        assertThat(written.get(0)).isNotEqualTo(BsonDocumentType.BSON);
        List<Object> read = new ArrayList<>();
        while (written.hasRemaining()) {
            read.add(type.read(written));
        }
        assertThat(read).isEqualTo(documents);
    }

    @Test
    void aPageOfDocumentsIsWrittenAndReadWhole() {
        Object[] page = type.createStorage(40);
        for (int i = 0; i < page.length; i++) {
            page[i] = session("session-" + i);
        }
        ByteBuffer written = written(buff -> type.write(buff, page, page.length));
        Object[] read = type.createStorage(page.length);
        type.read(written, read, read.length);
        assertThat(read).containsExactly(page);
        assertThat(written.hasRemaining()).isFalse();
    }

    @Test
    void aValueTheCodecCannotWriteIsStoredTheOldWay() {
        // never sent over the wire, so BSON has no type for it
        Document document = new Document("_id", "x").append("ratio", 0.5f);
        ByteBuffer written = written(buff -> type.write(buff, document));
        assertThat(written.get(0)).isNotEqualTo(BsonDocumentType.BSON);
        assertThat(type.read(written)).isEqualTo(document);

        // stored as BSON first, then updated in place to hold such a value: the update is what gets written
        Document updated = new Document("_id", "y").append("ratio", 0.5);
        type.encodeNow(updated);
        updated.put("ratio", 0.25f);
        type.encodeNow(updated);
        assertThat(type.read(written(buff -> type.write(buff, updated)))).isEqualTo(updated);
    }

    @Test
    void comparesEqualDocumentsAsEqual() {
        assertThat(type.compare(session("a"), session("a"))).isZero();
        assertThat(type.compare(session("a"), session("b"))).isNotZero();
    }

    @Test
    void estimatesTheMemoryOfADocumentFromItsSize() {
        Document small = new Document("_id", "a");
        Document session = session("a");
        int sessionBson = written(buff -> type.write(buff, session)).remaining();
        assertThat(type.getMemory(small)).isPositive().isLessThan(type.getMemory(session));
        // a decoded document takes more room on the heap than in BSON, but not ten times more
        assertThat(type.getMemory(session)).isBetween(sessionBson, 10 * sessionBson);
    }

    private Object roundTrip(Object value) {
        ByteBuffer written = written(buff -> type.write(buff, value));
        Object read = type.read(written);
        assertThat(written.hasRemaining()).isFalse();
        return read;
    }

    private static ByteBuffer written(java.util.function.Consumer<WriteBuffer> writes) {
        WriteBuffer buff = new WriteBuffer();
        writes.accept(buff);
        return buff.getBuffer().flip();
    }

    /** A conversation as the app stores it: snake-case fields, one turn, its context. */
    static Document session(String id) {
        Instant at = Instant.parse("2026-11-24T10:15:30.123Z");
        List<String> tracks = List.of("4uLU6hMCjMI75M1A2tKUQC", "7ouMYWpwJ422jRcDASZB7P", "0VjIjW4GlUZAMYd2vXMi3b");
        return new Document("_id", id)
                .append("user_id", "rest:anonymous:" + id)
                .append("channel", "rest")
                .append("created_at", at)
                .append("updated_at", at)
                .append("turns", List.of(new Document("at", at)
                        .append("user_text", "something calm to study to")
                        .append("reply_text", "Here are three calm tracks to study to: Weightless by Marconi Union, ...")
                        .append("intent", "recommend")
                        .append("confidence", 0.93)
                        .append("sentiment", "neutral")
                        .append("sentiment_score", 0.0)
                        .append("planner", "rules")
                        .append("track_ids", tracks)
                        .append("playlist_id", null)
                        .append("_class", "io.echotune.bot.sessions.SessionTurn")))
                .append("context", new Document("shown_track_ids", tracks)
                        .append("reasons", new Document(tracks.get(0), "calm, low energy").append(tracks.get(1), "instrumental"))
                        .append("last_request", new Document("moods", List.of("calm")).append("activities", List.of("study"))
                                .append("year_from", 1990).append("year_to", null).append("count", 3))
                        .append("last_intent", "recommend"));
    }

    private static Document everyType() {
        UUID uuid = UUID.fromString("0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5b");
        byte[] bytes = new byte[300];
        Arrays.fill(bytes, (byte) 0xA5);
        return new Document("_id", new ObjectId("65a1b2c3d4e5f60718293a4b"))
                .append("ascii", "something calm to study to")
                .append("text", "tropicália, Ελληνικά, 日本語, 😀, a\u0000b")
                .append("empty", "")
                .append("int", 42)
                .append("negative", -2_147_483_648)
                .append("long", 1L << 40)
                .append("double", 0.93)
                .append("negativeZero", -0.0)
                .append("nan", Double.NaN)
                .append("true", true)
                .append("false", false)
                .append("null", null)
                .append("instant", Instant.parse("2026-11-24T10:15:30.123Z"))
                .append("beforeEpoch", Instant.parse("1969-07-20T20:17:40Z"))
                .append("decimal", new Decimal128(new BigDecimal("12345.6789")))
                .append("uuid", uuid)
                .append("legacyUuid", new LegacyUUID(uuid))
                .append("binary", new BinData(bytes))
                .append("timestamp", new BsonTimestamp(Instant.parse("2026-11-24T10:15:30Z"), 7))
                .append("javascript", new BsonJavaScript("function () { return 1; }"))
                .append("minKey", MinKey.getInstance())
                .append("maxKey", MaxKey.getInstance())
                .append("array", List.of("a", 1, 2L, 3.5, List.of(), new Document("in", "array")))
                .append("nested", new Document("deeper", new Document("deepest", List.of(new Document("x", 1)))))
                .append("emptyDocument", new Document());
    }
}
