package io.echotune.channels.discord;

import com.mongodb.ConnectionString;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.autoconfigure.domain.EntityScan;
import org.springframework.boot.autoconfigure.mongo.MongoConnectionDetails;
import org.springframework.context.annotation.Bean;
import org.springframework.data.mongodb.repository.config.EnableMongoRepositories;

/** The conversation engine with the Discord adapter: the real MongoDB driver against in-memory mongo-java-server. */
@SpringBootApplication(scanBasePackages = "io.echotune")
@EntityScan("io.echotune")
@EnableMongoRepositories("io.echotune")
public class DiscordTestApplication {

    @Bean(destroyMethod = "shutdown")
    MongoServer mongoServer() {
        MongoServer server = new MongoServer(new MemoryBackend());
        server.bind("127.0.0.1", 0);
        return server;
    }

    @Bean
    MongoConnectionDetails mongoConnectionDetails(MongoServer server) {
        ConnectionString uri = new ConnectionString("mongodb://127.0.0.1:" + server.getLocalAddress().getPort() + "/echotune-test");
        return () -> uri;
    }
}
