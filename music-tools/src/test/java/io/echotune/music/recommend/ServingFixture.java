package io.echotune.music.recommend;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import io.echotune.music.cache.SharedRedis;
import io.echotune.music.cache.TwoLevelCache;
import io.echotune.music.catalog.Catalog;
import io.echotune.music.catalog.ShippedCatalog;
import io.echotune.music.history.ListeningHistory;
import io.echotune.music.history.ListeningHistoryRepository;
import org.springframework.data.mapping.model.SnakeCaseFieldNamingStrategy;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.SimpleMongoClientDatabaseFactory;
import org.springframework.data.mongodb.core.convert.MappingMongoConverter;
import org.springframework.data.mongodb.core.convert.MongoCustomConversions;
import org.springframework.data.mongodb.core.convert.NoOpDbRefResolver;
import org.springframework.data.mongodb.core.mapping.MongoMappingContext;
import org.springframework.data.mongodb.repository.support.MongoRepositoryFactory;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * The serving path wired by hand, the way the server wires it: the real MongoDB driver and Spring Data mapping (snake
 * case) against mongo-java-server on a loopback port, the shipped catalog, and the two-level cache (Redis optional).
 */
final class ServingFixture implements AutoCloseable {

    final MongoServer server = new MongoServer(new MemoryBackend());
    final MongoClient client;
    final MongoTemplate mongo;
    final Catalog catalog = ShippedCatalog.get();
    final Clock clock = Clock.systemUTC();
    final ListeningHistory history;
    final RecommendationLog log;
    final RecommenderModels models;
    final TrackRecommender recommender;
    final TwoLevelCache cache;
    final Recommendations recommendations;

    ServingFixture(RecommenderProperties properties, Optional<SharedRedis> redis) {
        var address = server.bind();
        client = MongoClients.create("mongodb://127.0.0.1:" + address.getPort());
        mongo = template(client, "echotune-serving-test");
        MongoRepositoryFactory repositories = new MongoRepositoryFactory(mongo);
        log = new RecommendationLog(mongo);
        models = new RecommenderModels(mongo, properties, clock);
        recommender = new TrackRecommender(catalog, models);
        cache = new TwoLevelCache(32L << 20, Duration.ofMinutes(5), redis, Duration.ofSeconds(10));
        history = new ListeningHistory(repositories.getRepository(ListeningHistoryRepository.class), cache, clock);
        recommendations = new Recommendations(recommender, models, history, log, cache, catalog, clock);
    }

    /** A MongoTemplate that maps as the server's does: snake case field names, Instant a simple type (a BSON date). */
    static MongoTemplate template(MongoClient client, String database) {
        MongoCustomConversions conversions = new MongoCustomConversions(List.of());
        MongoMappingContext mapping = new MongoMappingContext();
        mapping.setFieldNamingStrategy(new SnakeCaseFieldNamingStrategy());
        mapping.setSimpleTypeHolder(conversions.getSimpleTypeHolder());
        mapping.afterPropertiesSet();
        MappingMongoConverter converter = new MappingMongoConverter(NoOpDbRefResolver.INSTANCE, mapping);
        converter.setCustomConversions(conversions);
        converter.afterPropertiesSet();
        return new MongoTemplate(new SimpleMongoClientDatabaseFactory(client, database), converter);
    }

    static RecommenderProperties properties(int retrainAfterFeedback) {
        return new RecommenderProperties(Duration.ofHours(1), retrainAfterFeedback, 3, 10, 16, 8, 50, 1, "");
    }

    /** What was shown so far, oldest first, once the log has stored it. */
    List<RecommendationRecord> shown() {
        if (!log.flush(Duration.ofSeconds(10))) {
            throw new AssertionError("the recommendations log did not store its records within 10 s");
        }
        return mongo.findAll(RecommendationRecord.class).stream()
                .sorted(java.util.Comparator.comparing(RecommendationRecord::id)) // UUIDv7: in order of creation
                .toList();
    }

    @Override
    public void close() {
        try {
            log.close();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        client.close();
        server.shutdownNow();
    }
}
