package io.echotune.channels.mcp;

import io.echotune.music.testing.InMemoryMongo;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.autoconfigure.domain.EntityScan;
import org.springframework.context.annotation.Import;
import org.springframework.data.mongodb.repository.config.EnableMongoRepositories;

/**
 * The conversation engine and music tools with a web server, as EchoTune's server runs them, on an in-memory
 * MongoDB-wire-protocol server: enough for the MCP endpoint to mount and for a real MCP client to call it.
 */
@SpringBootApplication(scanBasePackages = "io.echotune")
@EntityScan("io.echotune")
@EnableMongoRepositories("io.echotune")
@Import(InMemoryMongo.class)
public class McpTestApplication {
}
