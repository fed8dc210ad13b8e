package io.echotune.music.testing;

import com.mongodb.ConnectionString;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import org.springframework.boot.autoconfigure.mongo.MongoConnectionDetails;
import org.springframework.context.annotation.Bean;

/**
 * For test applications ({@code @Import(InMemoryMongo.class)}): a MongoDB-wire-protocol server (mongo-java-server,
 * in memory) on a free loopback port, and the real MongoDB driver pointed at it. Deliberately not a
 * {@code @Configuration}, so component scanning never picks it up where the server's own database is wanted.
 * Shared with the other modules' tests through the music-tools test-jar.
 */
public class InMemoryMongo {

    @Bean(destroyMethod = "shutdown")
    MongoServer inMemoryMongoServer() {
        MongoServer server = new MongoServer(new MemoryBackend());
        server.bind("127.0.0.1", 0);
        return server;
    }

    @Bean
    MongoConnectionDetails inMemoryMongoConnectionDetails(MongoServer inMemoryMongoServer) {
        ConnectionString uri = new ConnectionString("mongodb://127.0.0.1:" + inMemoryMongoServer.getLocalAddress().getPort() + "/echotune-test");
        return () -> uri;
    }
}
