package io.echotune.server.storage;

import com.mongodb.ConnectionString;
import de.bwaldvogel.mongo.MongoServer;
import org.h2.mvstore.MVStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.boot.autoconfigure.mongo.MongoConnectionDetails;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The zero-keys database: with no {@code MONGODB_URI}, a MongoDB-wire-protocol server (mongo-java-server)
 * runs in process on a loopback port, persisted to {@code <data-dir>/echotune.mv.db}, and the real MongoDB
 * driver talks to it exactly as it would to MongoDB.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnExpression("'${echotune.mongodb.uri:}'.isBlank()")
@EnableConfigurationProperties(StorageProperties.class)
public class EmbeddedMongoConfiguration {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedMongoConfiguration.class);
    /** How often MVStore writes to disk; short, so a crash loses at most this much. */
    private static final int COMMIT_DELAY_MS = 100;

    @Bean(destroyMethod = "shutdown")
    public MongoServer embeddedMongoServer(StorageProperties properties) {
        Path file = properties.dataDir().resolve("echotune.mv.db").toAbsolutePath();
        try {
            Files.createDirectories(file.getParent());
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create the data directory " + file.getParent(), e);
        }
        MVStore store = openStore(file, properties);
        MongoServer server = new MongoServer(new IndexedH2Backend(store));
        // one worker thread per core rather than Netty's default of two: each command runs on its worker and takes the
        // collection's lock, so extra workers only queue on that lock and preempt its holder (measured with
        // web-chat/src/test/load: about 15 % less CPU per chat turn and a shorter tail on 2 cores)
        server.bind(new InetSocketAddress("127.0.0.1", properties.embeddedPort()), 1, Runtime.getRuntime().availableProcessors());
        InetSocketAddress address = server.getLocalAddress();
        log.info("Embedded MongoDB-compatible server on {} persisted to {} (set MONGODB_URI to use a real MongoDB)", address, file);
        return server;
    }

    /**
     * H2's default page cache is 16 MB. Under load every page the store writes passes through it and stays one to two
     * seconds, long enough to be promoted to the old generation, where it dies: about 8 MB/s of promoted garbage at
     * 3,000 chat turns/s, a full collection (400 ms) every 80 s. With 2 MB about 3 MB/s at the same CPU per turn, and
     * young pauses a third shorter (measured with web-chat/src/test/load). The hot upper pages of the indexes still fit.
     */
    static MVStore openStore(Path file, StorageProperties properties) {
        MVStore store = new MVStore.Builder().fileName(file.toString())
                .cacheSize((int) properties.pageCache().toMegabytes()).open();
        store.setAutoCommitDelay(COMMIT_DELAY_MS);
        return store;
    }

    @Bean
    public MongoConnectionDetails embeddedMongoConnectionDetails(MongoServer server, StorageProperties properties) {
        InetSocketAddress address = server.getLocalAddress();
        ConnectionString uri = new ConnectionString("mongodb://127.0.0.1:" + address.getPort() + "/" + properties.database());
        return () -> uri;
    }
}
