package io.echotune.music.spotify;

import io.echotune.music.testing.InMemoryMongo;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.autoconfigure.domain.EntityScan;
import org.springframework.context.annotation.Import;
import org.springframework.data.mongodb.repository.config.EnableMongoRepositories;

/** The music tools with Spotify on: the real MongoDB driver against mongo-java-server on a loopback port. */
@SpringBootApplication(scanBasePackages = "io.echotune.music")
@EntityScan("io.echotune.music")
@EnableMongoRepositories("io.echotune.music")
@Import(InMemoryMongo.class)
public class SpotifyTestApplication {
}
