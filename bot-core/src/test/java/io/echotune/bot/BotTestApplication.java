package io.echotune.bot;

import io.echotune.music.testing.InMemoryMongo;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.autoconfigure.domain.EntityScan;
import org.springframework.context.annotation.Import;
import org.springframework.data.mongodb.repository.config.EnableMongoRepositories;

/**
 * The conversation engine without a web server: the real MongoDB driver against a MongoDB-wire-protocol
 * server (mongo-java-server, in memory) on a loopback port.
 */
@SpringBootApplication(scanBasePackages = "io.echotune")
@EntityScan("io.echotune")
@EnableMongoRepositories("io.echotune")
@Import(InMemoryMongo.class)
public class BotTestApplication {
}
