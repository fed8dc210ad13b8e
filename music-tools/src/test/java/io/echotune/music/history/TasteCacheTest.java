package io.echotune.music.history;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.event.CommandListener;
import com.mongodb.event.CommandStartedEvent;
import com.mongodb.MongoClientSettings;
import com.mongodb.ConnectionString;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import io.echotune.music.cache.RedisServer;
import io.echotune.music.cache.SharedRedis;
import io.echotune.music.cache.TwoLevelCache;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.repository.support.MongoRepositoryFactory;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tastes are cached, a new listener's empty one from the start, and forgotten as soon as anything is recorded, also on
 * another instance (a real redis-server), and after an import or a merge. Real MongoDB driver against
 * mongo-java-server; the driver's command events count the reads of the history.
 */
class TasteCacheTest {

    private final MongoServer server = new MongoServer(new MemoryBackend());
    private final AtomicInteger historyReads = new AtomicInteger();
    private MongoClient client;
    private ListeningHistoryRepository repository;

    @BeforeEach
    void connect() {
        server.bind("127.0.0.1", 0);
        int port = server.getLocalAddress().getPort();
        CommandListener reads = new CommandListener() {
            @Override
            public void commandStarted(CommandStartedEvent event) {
                if (event.getCommandName().equals("find")
                        && "listening_history".equals(event.getCommand().getString("find").getValue())) {
                    historyReads.incrementAndGet();
                }
            }
        };
        client = MongoClients.create(MongoClientSettings.builder()
                .applyConnectionString(new ConnectionString("mongodb://127.0.0.1:" + port))
                .addCommandListener(reads).build());
        repository = new MongoRepositoryFactory(new MongoTemplate(client, "taste-cache-test"))
                .getRepository(ListeningHistoryRepository.class);
    }

    @AfterEach
    void close() {
        client.close();
        server.shutdownNow();
    }

    private ListeningHistory instance(Optional<SharedRedis> redis) {
        return new ListeningHistory(repository, new TwoLevelCache(1_000_000, Duration.ofMinutes(5), redis, Duration.ofSeconds(10)),
                Clock.systemUTC());
    }

    @Test
    void aNewUsersTasteIsKnownEmptyWithoutReadingAndTheirFirstLikeCountsAtOnce() {
        ListeningHistory history = instance(Optional.empty());
        history.userCreated("new");
        assertThat(history.taste("new").isEmpty()).isTrue();
        assertThat(history.taste("new").isEmpty()).isTrue();
        assertThat(historyReads).hasValue(0);

        history.record("new", "track-1", FeedbackKind.LIKE, "chat");
        assertThat(history.taste("new").liked()).containsExactly("track-1");
        assertThat(historyReads).hasValue(1);
    }

    @Test
    void aTasteIsReadOnceAndAgainOnlyAfterItsHistoryChanged() {
        ListeningHistory history = instance(Optional.empty());
        history.record("fan", "track-4", FeedbackKind.PLAY, "chat");
        history.record("fan", "track-4", FeedbackKind.PLAY, "chat");
        history.record("fan", "track-5", FeedbackKind.DISLIKE, "chat");
        Taste first = history.taste("fan");
        assertThat(first.weights()).containsOnlyKeys("track-4", "track-5");
        assertThat(first.disliked()).containsExactly("track-5");
        assertThat(history.taste("fan")).as("the second look is answered from memory, unchanged").isEqualTo(first);
        assertThat(historyReads).hasValue(1);

        // an import or a merge writes past record(): it must say so
        repository.insert(new ListeningEvent("e1", "fan", "track-6", FeedbackKind.PLAY, "spotify_top_tracks",
                Clock.systemUTC().instant(), "dedup-1"));
        assertThat(history.taste("fan").weights()).doesNotContainKey("track-6");
        history.changed("fan");
        assertThat(history.taste("fan").weights()).containsKey("track-6");
        assertThat(historyReads).hasValue(2);
    }

    @Test
    void feedbackOnOneInstanceEndsNoHistoryYetOnEveryInstance(@TempDir Path dir) throws Exception {
        try (RedisServer redis = new RedisServer(dir);
             SharedRedis a = new SharedRedis(redis.url(), Duration.ofSeconds(2));
             SharedRedis b = new SharedRedis(redis.url(), Duration.ofSeconds(2))) {
            ListeningHistory one = instance(Optional.of(a));
            ListeningHistory two = instance(Optional.of(b));
            one.userCreated("roaming");
            assertThat(two.taste("roaming").isEmpty()).as("the mark is shared through Redis").isTrue();
            assertThat(historyReads).hasValue(0);

            two.record("roaming", "track-3", FeedbackKind.LIKE, "chat");
            assertThat(one.taste("roaming").liked()).containsExactly("track-3");
        }
    }
}
