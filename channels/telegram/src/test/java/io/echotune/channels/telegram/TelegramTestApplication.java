package io.echotune.channels.telegram;

import io.echotune.music.testing.InMemoryMongo;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.autoconfigure.domain.EntityScan;
import org.springframework.context.annotation.Import;
import org.springframework.data.mongodb.repository.config.EnableMongoRepositories;

/** The conversation engine with the Telegram adapter: the real MongoDB driver against in-memory mongo-java-server. */
@SpringBootApplication(scanBasePackages = "io.echotune")
@EntityScan("io.echotune")
@EnableMongoRepositories("io.echotune")
@Import(InMemoryMongo.class)
public class TelegramTestApplication {
}
