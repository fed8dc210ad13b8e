package io.echotune.server.storage;

import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.Updates;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import org.bson.Document;
import org.bson.types.Binary;
import org.bson.types.Decimal128;
import org.bson.types.ObjectId;
import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;
import org.h2.mvstore.WriteBuffer;
import org.h2.mvstore.type.BasicDataType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A data directory written by mongo-java-server's plain H2 backend works with ours: every document is found through its
 * unique indexes, the indexes still refuse duplicates, and the old documents read and update alongside the BSON ones.
 * Real driver, real files.
 */
class IndexedH2BackendTest {

    @TempDir
    Path dir;

    @Test
    void filesOfThePlainBackendOpenHere() {
        Path file = dir.resolve("echotune.mv.db");
        List<String> first = ids("a", 300);
        List<String> second = ids("b", 300);

        session(file, H2Backend::new, (users, sessions, store) -> {
            users.createIndex(Indexes.ascending("identity"), new IndexOptions().unique(true));
            first.forEach(id -> users.insertOne(user(id)));
        });
        session(file, IndexedH2Backend::new, (users, sessions, store) -> {
            assertAllFound(users, first);
            assertIndexesUseTheFastOrder(store, 2);
            assertDocumentsAreStoredAsBson(store, "users");
            // a collection created while the server runs opens its _id index on another path: the load test's one
            sessions.insertOne(new Document("_id", "session-1"));
            assertIndexesUseTheFastOrder(store, 3);
            assertDocumentsAreStoredAsBson(store, "users", "chat_sessions");
            assertThat(sessions.find(Filters.eq("_id", "session-1")).first()).isNotNull();
            second.forEach(id -> users.insertOne(user(id)));
            assertAllFound(users, second);
            assertRefusesDuplicates(users, first.get(17));
        });
        session(file, IndexedH2Backend::new, (users, sessions, store) -> {
            assertDocumentsAreStoredAsBson(store, "users", "chat_sessions");
            assertAllFound(users, first);
            assertAllFound(users, second);
            assertRefusesDuplicates(users, second.get(42));
            assertThat(sessions.find(Filters.eq("_id", "session-1")).first()).isNotNull();
        });
    }

    @Test
    void documentsOfThePlainBackendReadUpdateAndSitBesideBsonOnes() {
        Path file = dir.resolve("echotune.mv.db");
        List<Document> old = new ArrayList<>();
        for (int i = 0; i < 300; i++) {
            old.add(chatSession(String.format("old-%03d", i)));
        }
        List<Document> fresh = List.of(chatSession("new-1"), chatSession("new-2"));
        Document turn = new Document("at", new Date(1_790_000_000_000L)).append("user_text", "another one");
        List<Document> expected = new ArrayList<>();

        session(file, H2Backend::new, (users, sessions, store) -> sessions.insertMany(old));
        session(file, IndexedH2Backend::new, (users, sessions, store) -> {
            assertThat(sessions.find().sort(Sorts.ascending("_id")).into(new ArrayList<>())).isEqualTo(old);
            // a few neighbours only: the pages of the others are not written again, so they stay Java-serialized
            for (Document document : old.subList(0, 10)) {
                sessions.updateOne(Filters.eq("_id", document.get("_id")),
                        Updates.combine(Updates.push("turns", turn), Updates.set("updated_at", turn.get("at"))));
            }
            sessions.insertMany(fresh);
        });
        for (Document document : old.subList(0, 10)) {
            List<Object> turns = new ArrayList<>(document.getList("turns", Object.class));
            turns.add(turn);
            expected.add(new Document(document).append("turns", turns).append("updated_at", turn.get("at")));
        }
        expected.addAll(old.subList(10, old.size()));
        expected.addAll(fresh);
        expected.sort(Comparator.comparing(document -> document.getString("_id")));

        session(file, IndexedH2Backend::new, (users, sessions, store) ->
                assertThat(sessions.find().sort(Sorts.ascending("_id")).into(new ArrayList<>())).isEqualTo(expected));
        Map<Object, Boolean> bson = storedAsBson(file, "databases.echotune.chat_sessions");
        assertThat(bson).hasSize(expected.size());
        old.subList(0, 10).forEach(document -> assertThat(bson.get(document.get("_id"))).as("updated").isTrue());
        fresh.forEach(document -> assertThat(bson.get(document.get("_id"))).as("inserted").isTrue());
        assertThat(old.subList(10, old.size())).as("untouched, still in the old format")
                .anySatisfy(document -> assertThat(bson.get(document.get("_id"))).isFalse());
    }

    /** A conversation in the shape ChatSessions stores, with the other types a document may hold besides. */
    private static Document chatSession(String id) {
        Date at = new Date(1_780_000_000_000L + id.hashCode());
        List<String> tracks = List.of("4uLU6hMCjMI75M1A2tKUQC", "7ouMYWpwJ422jRcDASZB7P", "0VjIjW4GlUZAMYd2vXMi3b");
        return new Document("_id", id)
                .append("user_id", "telegram:" + id)
                .append("channel", "telegram")
                .append("created_at", at)
                .append("updated_at", at)
                .append("turns", List.of(new Document("at", at)
                        .append("user_text", "quelque chose de calme, tropicália 😀")
                        .append("reply_text", "Here are three calm tracks to study to.")
                        .append("intent", "recommend")
                        .append("confidence", 0.93)
                        .append("planner", "rules")
                        .append("track_ids", tracks)
                        .append("playlist_id", null)))
                .append("context", new Document("shown_track_ids", tracks)
                        .append("reasons", new Document(tracks.get(0), "calm, low energy"))
                        .append("last_request", new Document("year_from", 1990).append("year_to", null)
                                .append("count", 3)))
                .append("version", 1L << 40)
                .append("flagged", false)
                .append("score", Decimal128.parse("0.10"))
                .append("ref", new ObjectId("65a1b2c3d4e5f60718293a4b"))
                .append("token", UUID.nameUUIDFromBytes(id.getBytes(StandardCharsets.UTF_8)))
                .append("blob", new Binary(id.getBytes(StandardCharsets.UTF_8)));
    }

    /** Whether each document of a map is stored in BSON (or still Java-serialized), read from the closed file. */
    private static Map<Object, Boolean> storedAsBson(Path file, String map) {
        record Stored(boolean bson) {
        }
        BsonDocumentType documents = new BsonDocumentType();
        BasicDataType<Object> format = new BasicDataType<>() {
            @Override
            public Object read(ByteBuffer buff) {
                boolean bson = buff.get(buff.position()) == BsonDocumentType.BSON;
                documents.read(buff);
                return new Stored(bson);
            }

            @Override
            public void write(WriteBuffer buff, Object value) {
                throw new UnsupportedOperationException("read only");
            }

            @Override
            public int getMemory(Object value) {
                return 16;
            }

            @Override
            public Object[] createStorage(int size) {
                return new Object[size];
            }
        };
        MVStore store = new MVStore.Builder().fileName(file.toString()).readOnly().open();
        try {
            Map<Object, Boolean> bson = new HashMap<>();
            store.openMap(map, new MVMap.Builder<Object, Object>().valueType(format))
                    .forEach((id, stored) -> bson.put(id, ((Stored) stored).bson()));
            return bson;
        } finally {
            store.close();
        }
    }

    /** As for the indexes: our name for a documents map must be the library's own, or it opens its own, Java-serialized. */
    private static void assertDocumentsAreStoredAsBson(MVStore store, String... collections) {
        List<String> maps = store.getMapNames().stream().filter(name -> name.startsWith("databases.")).toList();
        assertThat(maps).as("documents maps")
                .contains(Arrays.stream(collections).map(c -> "databases.echotune." + c).toArray(String[]::new));
        maps.forEach(name -> assertThat(store.openMap(name).getValueType()).as(name).isInstanceOf(BsonDocumentType.class));
    }

    /** Our map name must be the library's own, or its index silently opens a second map in the slow order. */
    private static void assertIndexesUseTheFastOrder(MVStore store, int expected) {
        List<String> indexes = store.getMapNames().stream().filter(name -> name.contains("._index_")).toList();
        assertThat(indexes).as("index maps").hasSize(expected);
        indexes.forEach(name -> assertThat(store.openMap(name).getKeyType()).as(name).isInstanceOf(IndexKeyOrder.class));
    }

    private static List<String> ids(String batch, int n) {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            // lengths vary, as real ids and identities do: the order compares length first
            ids.add(i % 3 == 0 ? UUID.randomUUID().toString() : batch + i + "-" + UUID.randomUUID().toString().substring(0, i % 30));
        }
        return ids;
    }

    private static Document user(String id) {
        return new Document("_id", id).append("identity", "telegram:" + id);
    }

    private static void assertAllFound(MongoCollection<Document> users, List<String> ids) {
        for (String id : ids) {
            assertThat(users.find(Filters.eq("_id", id)).first()).as(id).isNotNull();
            assertThat(users.find(Filters.eq("identity", "telegram:" + id)).first()).as(id).isNotNull();
        }
    }

    private static void assertRefusesDuplicates(MongoCollection<Document> users, String existing) {
        assertThatThrownBy(() -> users.insertOne(new Document("_id", existing))).isInstanceOf(MongoWriteException.class);
        assertThatThrownBy(() -> users.insertOne(new Document("_id", "fresh-" + existing).append("identity", "telegram:" + existing)))
                .isInstanceOf(MongoWriteException.class);
    }

    private interface Work {
        void accept(MongoCollection<Document> users, MongoCollection<Document> sessions, MVStore store);
    }

    private static void session(Path file, Function<MVStore, H2Backend> backend, Work work) {
        MVStore store = new MVStore.Builder().fileName(file.toString()).open();
        MongoServer server = new MongoServer(backend.apply(store));
        try {
            var address = server.bind();
            try (MongoClient client = MongoClients.create("mongodb://127.0.0.1:" + address.getPort() + "/?uuidRepresentation=standard")) {
                var database = client.getDatabase("echotune");
                work.accept(database.getCollection("users"), database.getCollection("chat_sessions"), store);
            }
        } finally {
            server.shutdownNow();
        }
    }
}
