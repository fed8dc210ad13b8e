package io.echotune.music.spotify;

import com.mongodb.ConnectionString;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.autoconfigure.domain.EntityScan;
import org.springframework.boot.autoconfigure.mongo.MongoConnectionDetails;
import org.springframework.context.annotation.Bean;
import org.springframework.data.mongodb.repository.config.EnableMongoRepositories;

import java.net.InetSocketAddress;

/** The music tools with Spotify on: the real MongoDB driver against mongo-java-server on a loopback port. */
@SpringBootApplication(scanBasePackages = "io.echotune.music")
@EntityScan("io.echotune.music")
@EnableMongoRepositories("io.echotune.music")
public class SpotifyTestApplication {

    @Bean(destroyMethod = "shutdown")
    MongoServer mongoServer() {
        MongoServer server = new MongoServer(new MemoryBackend());
        server.bind("127.0.0.1", 0);
        return server;
    }

    @Bean
    MongoConnectionDetails mongoConnectionDetails(MongoServer server) {
        InetSocketAddress address = server.getLocalAddress();
        ConnectionString uri = new ConnectionString("mongodb://127.0.0.1:" + address.getPort() + "/echotune-spotify-test");
        return () -> uri;
    }
}
