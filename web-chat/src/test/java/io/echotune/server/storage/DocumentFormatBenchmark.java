package io.echotune.server.storage;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Updates;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import de.bwaldvogel.mongo.wire.bson.BsonDecoder;
import io.netty.buffer.Unpooled;
import org.bson.Document;
import org.bson.RawBsonDocument;
import org.bson.codecs.DocumentCodec;
import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;
import org.h2.mvstore.WriteBuffer;
import org.h2.mvstore.type.DataType;
import org.h2.mvstore.type.ObjectDataType;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.ToLongFunction;
import java.util.stream.IntStream;

/**
 * Size and time of the embedded database's documents, Java-serialized (mongo-java-server's plain H2 backend) against
 * BSON ({@link IndexedH2Backend}). Not a test: run it with the test classpath, {@code [N]} chat sessions (20,000).
 *
 * <p>Each run stores N conversations of the shape {@code ChatSessions} writes (one turn, as the load benchmark's) in a
 * new file, then gives each a second turn the way {@code ChatSessions.append} does, through the real driver and a store
 * set up as {@code EmbeddedMongoConfiguration} does; the store is closed between the two, so the updates read the
 * documents back from the file. Reported: the size of one document as a value in each format; the file's size after
 * the inserts and after the updates, and of a copy with only its live data; the time and the process's CPU time
 * (client, server and the store's writer together) of inserts, updates and the two closes. One warm-up run of each,
 * then three of each, interleaved; medians.
 */
public final class DocumentFormatBenchmark {

    private static final int ROUNDS = 3;

    public static void main(String[] args) throws IOException {
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 20_000;
        valueSizes();
        Map<String, Function<MVStore, H2Backend>> backends = new LinkedHashMap<>();
        backends.put("java-serialized (H2Backend)", H2Backend::new);
        backends.put("bson (IndexedH2Backend)", IndexedH2Backend::new);
        backends.forEach((name, backend) -> run(name + ", warm-up", backend, n));
        Map<String, List<Run>> runs = new LinkedHashMap<>();
        for (int round = 0; round < ROUNDS; round++) {
            List<String> order = new ArrayList<>(backends.keySet());
            if (round % 2 == 1) {
                order = order.reversed();
            }
            for (String name : order) {
                runs.computeIfAbsent(name, k -> new ArrayList<>()).add(run(name, backends.get(name), n));
            }
        }
        System.out.printf("%nmedians of %d runs, N = %,d:%n", ROUNDS, n);
        runs.forEach((name, list) -> System.out.printf(
                "%-28s  %,7d ms  cpu %,7d ms  inserted %,6d B/doc  after updates %,6d B/doc  live data %,6d B/doc%n",
                name, median(list, Run::millis), median(list, Run::cpuMillis), median(list, Run::insertedBytes) / n,
                median(list, Run::updatedBytes) / n, median(list, Run::liveBytes) / n));
    }

    private record Run(long millis, long cpuMillis, long insertedBytes, long updatedBytes, long liveBytes) {
    }

    /**
     * The size of a copy of the file with only its live data, every map written once in one commit: what the documents
     * and their indexes take, without the old versions of pages a file keeps (MVStore's own compactFile grew it).
     */
    private static long liveData(Path file, Function<MVStore, H2Backend> backend) throws IOException {
        Path copy = file.resolveSibling("live.mv.db");
        MVStore source = new MVStore.Builder().fileName(file.toString()).open();
        H2Backend opened = backend.apply(source); // opens every map with its own key and value types
        MVStore target = new MVStore.Builder().fileName(copy.toString()).autoCommitDisabled().open();
        for (String name : source.getMapNames()) {
            MVMap<Object, Object> from = source.openMap(name);
            target.openMap(name, new MVMap.Builder<>().keyType(from.getKeyType()).valueType(from.getValueType())).putAll(from);
        }
        target.close();
        opened.close();
        long size = Files.size(copy);
        Files.delete(copy);
        return size;
    }

    /** What one document takes as a value in each format, without the store's pages around it. */
    private static void valueSizes() {
        RawBsonDocument wire = new RawBsonDocument(session(0), new DocumentCodec());
        de.bwaldvogel.mongo.bson.Document stored = BsonDecoder.decodeBson(Unpooled.wrappedBuffer(wire.getByteBuffer().asNIO()));
        System.out.printf("one chat session (one turn) as a value: java-serialized %,d bytes, bson %,d bytes%n",
                written(new ObjectDataType(), stored), written(new BsonDocumentType(), stored));
    }

    private static int written(DataType<Object> type, Object value) {
        WriteBuffer buff = new WriteBuffer();
        type.write(buff, value);
        return buff.position();
    }

    private static Run run(String name, Function<MVStore, H2Backend> backend, int n) {
        try {
            Path dir = Files.createTempDirectory("document-format");
            Path file = dir.resolve("echotune.mv.db");
            long cpu = cpuNanos();
            long start = System.nanoTime();
            open(file, backend, sessions -> IntStream.range(0, n).forEach(i -> sessions.insertOne(session(i))));
            long inserted = Files.size(file);
            open(file, backend, sessions -> IntStream.range(0, n).forEach(i -> sessions.updateOne(Filters.eq("_id", id(i)),
                    Updates.combine(Updates.push("turns", turn(i, 1)), Updates.set("context", context(i)),
                            Updates.set("updated_at", new Date(1_790_000_000_000L + i))))));
            long millis = (System.nanoTime() - start) / 1_000_000;
            long cpuMillis = (cpuNanos() - cpu) / 1_000_000;
            long updated = Files.size(file);
            Run run = new Run(millis, cpuMillis, inserted, updated, liveData(file, backend));
            System.out.printf("%-40s %,7d ms  cpu %,7d ms  file after inserts %,12d B, after updates %,12d B, live data %,12d B%n",
                    name, run.millis(), run.cpuMillis(), run.insertedBytes(), run.updatedBytes(), run.liveBytes());
            Files.delete(file);
            Files.delete(dir);
            return run;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void open(Path file, Function<MVStore, H2Backend> backend, Consumer<MongoCollection<Document>> work) {
        MVStore store = new MVStore.Builder().fileName(file.toString()).open();
        store.setAutoCommitDelay(100);
        MongoServer server = new MongoServer(backend.apply(store));
        server.bind(new InetSocketAddress("127.0.0.1", 0), 1, Runtime.getRuntime().availableProcessors());
        try (MongoClient client = MongoClients.create("mongodb://127.0.0.1:" + server.getLocalAddress().getPort())) {
            work.accept(client.getDatabase("echotune").getCollection("chat_sessions"));
        } finally {
            server.shutdownNow(); // closes the store: its last write is measured too
        }
    }

    private static long cpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
    }

    private static long median(List<Run> runs, ToLongFunction<Run> value) {
        return runs.stream().mapToLong(value).sorted().skip(runs.size() / 2).findFirst().orElseThrow();
    }

    private static String id(int i) {
        return new UUID(0x019ab1c2d3e47000L | i, 0x8000000000000000L | i * 7919L).toString(); // UUIDv7-like
    }

    private static List<String> tracks(int i, int turn) {
        return IntStream.range(0, 5).mapToObj(t -> Long.toString((long) i * 100 + turn * 10 + t, 36))
                .map(id -> "4u7EnebtmKWzUH433cf5Qv".substring(id.length()) + id).toList(); // 22 characters, as Spotify's
    }

    /**
     * A new conversation with its first turn, as the REST channel stores it: copied from a stored document of the
     * server's tests (snake-case fields, no null fields, the entity's _class), a recommendation of five tracks.
     */
    static Document session(int i) {
        Date at = new Date(1_780_000_000_000L + i);
        return new Document("_id", id(i))
                .append("user_id", new UUID(0x019ab1c2d3e47000L | i, 0x9000000000000000L | i).toString())
                .append("channel", "rest")
                .append("created_at", at)
                .append("updated_at", at)
                .append("turns", List.of(turn(i, 0)))
                .append("context", context(i))
                .append("_class", "io.echotune.bot.sessions.ChatSession");
    }

    private static Document turn(int i, int turn) {
        return new Document("at", new Date(1_780_000_000_000L + i + turn))
                .append("user_text", turn == 0 ? "play Bohemian Rhapsody by Queen 80s rock something calm to study to" : "another one")
                .append("reply_text", """
                        Here are 5 picks — calm rock like Queen from 1980–1989:
                        1. Saving All My Love for You — Whitney Houston
                        2. You Give Good Love — Whitney Houston
                        3. Open Arms — Journey
                        4. I'm On Fire — Bruce Springsteen
                        5. Eye In The Sky — The Alan Parsons Project""")
                .append("intent", "recommend")
                .append("confidence", 0.8839551425402261)
                .append("sentiment", "neutral")
                .append("sentiment_score", -0.009071384848985014)
                .append("planner", "rules")
                .append("track_ids", tracks(i, turn));
    }

    private static Document context(int i) {
        List<String> shown = tracks(i, 0);
        Document reasons = new Document();
        shown.forEach(track -> reasons.append(track, "similar to Queen; fits calm; rock; calm, moody"));
        return new Document("shown_track_ids", shown)
                .append("reasons", reasons)
                .append("last_request", new Document("seed_track_ids", List.of("4u7EnebtmKWzUH433cf5Qv"))
                        .append("seed_artists", List.of("Queen")).append("genres", List.of("rock"))
                        .append("moods", List.of("calm")).append("activities", List.of())
                        .append("year_from", 1980).append("year_to", 1989).append("count", 5))
                .append("last_intent", "recommend");
    }
}
