package io.echotune.server.storage;

import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import org.bson.Document;
import org.h2.mvstore.MVStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A data directory written by mongo-java-server's plain H2 backend works with ours and the other way round: every
 * document is found through its unique indexes, and the indexes still refuse duplicates. Real driver, real files.
 */
class IndexedH2BackendTest {

    @TempDir
    Path dir;

    @Test
    void filesOfThePlainBackendAndOursAreInterchangeable() {
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
            // a collection created while the server runs opens its _id index on another path: the load test's one
            sessions.insertOne(new Document("_id", "session-1"));
            assertIndexesUseTheFastOrder(store, 3);
            assertThat(sessions.find(Filters.eq("_id", "session-1")).first()).isNotNull();
            second.forEach(id -> users.insertOne(user(id)));
            assertAllFound(users, second);
            assertRefusesDuplicates(users, first.get(17));
        });
        session(file, H2Backend::new, (users, sessions, store) -> {
            assertAllFound(users, first);
            assertAllFound(users, second);
            assertRefusesDuplicates(users, second.get(42));
            assertThat(sessions.find(Filters.eq("_id", "session-1")).first()).isNotNull();
        });
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
            try (MongoClient client = MongoClients.create("mongodb://127.0.0.1:" + address.getPort())) {
                var database = client.getDatabase("echotune");
                work.accept(database.getCollection("users"), database.getCollection("chat_sessions"), store);
            }
        } finally {
            server.shutdownNow();
        }
    }
}
