package io.echotune.music.recommend;

import com.mongodb.ConnectionString;
import com.mongodb.MongoClientSettings;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.event.CommandListener;
import com.mongodb.event.CommandStartedEvent;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import io.echotune.music.ids.DocumentIds;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.data.mongodb.core.MongoTemplate;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

/** The recommendations log against mongo-java-server through the real driver: batches, an outage, a shutdown. */
class RecommendationLogTest {

    private final AtomicInteger inserts = new AtomicInteger();
    private MongoServer server;
    private MongoClient client;
    private RecommendationLog log;

    private MongoTemplate connect(int port) {
        server = new MongoServer(new MemoryBackend());
        server.bind("127.0.0.1", port);
        client = MongoClients.create(MongoClientSettings.builder()
                .applyConnectionString(new ConnectionString("mongodb://127.0.0.1:" + port))
                .applyToClusterSettings(c -> c.serverSelectionTimeout(500, TimeUnit.MILLISECONDS))
                .addCommandListener(new CommandListener() {
                    @Override
                    public void commandStarted(CommandStartedEvent event) {
                        if (event.getCommandName().equals("insert")) {
                            inserts.incrementAndGet();
                        }
                    }
                })
                .build());
        return ServingFixture.template(client, "log-test");
    }

    @AfterEach
    void stop() throws InterruptedException {
        if (log != null) {
            log.close();
        }
        client.close();
        server.shutdownNow();
    }

    private static RecommendationRecord shown(int n) {
        return new RecommendationRecord(DocumentIds.next(), "user-" + n,
                List.of(new RecommendationRecord.Item("track-" + n, 0.5, "fits calm")), "content-v1", "request " + n, Instant.now());
    }

    private static int freePort() throws Exception {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    @Test
    void whatIsShownMeanwhileIsStoredInAFewInserts() throws Exception {
        MongoTemplate mongo = connect(freePort());
        log = new RecommendationLog(mongo, Duration.ofMillis(50));
        for (int i = 0; i < 300; i++) {
            log.add(shown(i));
            if (i % 50 == 0) {
                Thread.sleep(20); // replies arrive over about 120 ms, not all at once
            }
        }
        assertThat(log.flush(Duration.ofSeconds(10))).isTrue();
        List<RecommendationRecord> stored = mongo.findAll(RecommendationRecord.class);
        assertThat(stored).hasSize(300);
        assertThat(stored).extracting(RecommendationRecord::userId).doesNotHaveDuplicates();
        assertThat(stored.getFirst().items()).singleElement().satisfies(item -> assertThat(item.reason()).isEqualTo("fits calm"));
        assertThat(inserts.get()).as("inserts for 300 records").isBetween(1, 10);
        assertThat(log.stored()).isEqualTo(300);
    }

    @Test
    void theRecordsAreStoredAsTheMappingWouldStoreThemAndReadBackThroughIt() throws Exception {
        MongoTemplate mongo = connect(freePort());
        Instant at = Instant.parse("2026-11-25T10:15:30.123Z");
        RecommendationRecord full = new RecommendationRecord(DocumentIds.next(), "user-1",
                List.of(new RecommendationRecord.Item("t1", 0.9, "calm, acoustic"), new RecommendationRecord.Item("t2", 0.4, null)),
                "hybrid-v1+cf2", "RecommendRequest[count=2]", at);
        RecommendationRecord sparse = new RecommendationRecord(DocumentIds.next(), null, List.of(), null, null, null);
        for (RecommendationRecord record : List.of(full, sparse)) {
            org.bson.Document mapped = new org.bson.Document();
            mongo.getConverter().write(record, mapped);
            assertThat(new RecommendationDocuments(mongo.getConverter()).of(record)).isEqualTo(mapped);
        }

        log = new RecommendationLog(mongo, Duration.ofMillis(10));
        log.add(full);
        assertThat(log.flush(Duration.ofSeconds(10))).isTrue();
        assertThat(mongo.findAll(RecommendationRecord.class)).containsExactly(full);
    }

    @Test
    void whileTheDatabaseIsDownRecordsWaitAndAreStoredWhenItIsBack() throws Exception {
        int port = freePort();
        log = new RecommendationLog(connect(port), Duration.ofMillis(10));
        server.shutdownNow();

        IntStream.range(0, 5).forEach(i -> log.add(shown(i)));
        assertThat(log.flush(Duration.ofMillis(1_500))).as("stored while the database is down").isFalse();

        server = new MongoServer(new MemoryBackend()); // back on the same port (empty: it kept nothing in memory)
        server.bind("127.0.0.1", port);
        assertThat(log.flush(Duration.ofSeconds(15))).as("stored once it is back").isTrue();
        assertThat(client.getDatabase("log-test").getCollection("recommendations").countDocuments()).isEqualTo(5);
        assertThat(log.dropped()).isZero();
    }

    @Test
    void aStoppingServerStoresWhatIsQueuedWithoutWaitingForTheBatchToFill() throws Exception {
        MongoTemplate mongo = connect(freePort());
        log = new RecommendationLog(mongo, Duration.ofMinutes(1));
        IntStream.range(0, 20).forEach(i -> log.add(shown(i)));
        long start = System.nanoTime();
        log.close();
        log = null;
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));
        assertThat(mongo.count(new org.springframework.data.mongodb.core.query.Query(), RecommendationRecord.class)).isEqualTo(20);
    }

    @Test
    void aRecordTheDatabaseCannotTakeIsGivenUpAndTheLogGoesOn() throws Exception {
        MongoTemplate mongo = connect(freePort());
        log = new RecommendationLog(mongo, Duration.ofMillis(10));
        String tooLong = "x".repeat(17 << 20); // over BSON's 16 MB limit for one document
        log.add(new RecommendationRecord(DocumentIds.next(), "user-big",
                List.of(new RecommendationRecord.Item("track", 0.5, tooLong)), "content-v1", "request", Instant.now()));
        assertThat(log.flush(Duration.ofSeconds(10))).isTrue();

        log.add(shown(1));
        assertThat(log.flush(Duration.ofSeconds(10))).isTrue();
        assertThat(mongo.findAll(RecommendationRecord.class)).extracting(RecommendationRecord::userId).containsExactly("user-1");
        assertThat(log.stored()).isEqualTo(1);
    }
}
