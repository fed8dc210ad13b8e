package io.echotune.server.mcp;

import io.modelcontextprotocol.client.McpClient;
import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.client.transport.ServerParameters;
import io.modelcontextprotocol.client.transport.StdioClientTransport;
import io.modelcontextprotocol.json.jackson2.JacksonMcpJsonMapper;
import io.modelcontextprotocol.spec.McpSchema;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The stdio launcher as an MCP client starts it: a separate JVM whose stdin and stdout carry the protocol, driven by
 * the SDK's own stdio client. Everything the server logs must stay off stdout, or the client could not parse it.
 */
class McpStdioLauncherTest {

    @TempDir
    Path dataDir;

    @Test
    void anMcpClientLaunchesTheServerOnStdioAndCallsItsTools() {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        ServerParameters launch = ServerParameters.builder(java)
                .args("-cp", System.getProperty("java.class.path"), McpStdioLauncher.class.getName())
                .env(Map.of("ECHOTUNE_DATA_DIR", dataDir.toString(), "ECHOTUNE_MCP_CLIENT_ID", "stdio-test"))
                .build();
        StdioClientTransport transport = new StdioClientTransport(launch, new JacksonMcpJsonMapper(new ObjectMapper()));
        Queue<String> stderr = new ConcurrentLinkedQueue<>();
        transport.setStdErrorHandler(stderr::add);

        try (McpSyncClient client = McpClient.sync(transport).initializationTimeout(Duration.ofSeconds(120))
                // the first request waits for the server's start-up (NLU training, catalog indexing)
                .requestTimeout(Duration.ofSeconds(120)).build()) {
            McpSchema.InitializeResult init;
            try {
                init = client.initialize();
            } catch (RuntimeException e) {
                throw new AssertionError("the stdio server did not answer; its stderr:\n" + String.join("\n", List.copyOf(stderr)), e);
            }
            assertThat(init.serverInfo().name()).isEqualTo("echotune");
            assertThat(client.listTools().tools()).extracting(McpSchema.Tool::name)
                    .containsExactlyInAnyOrder("search_tracks", "recommend", "build_playlist", "explain", "feedback", "chat");

            McpSchema.CallToolResult found = client.callTool(new McpSchema.CallToolRequest("search_tracks", Map.of("query", "queen", "limit", 2)));
            assertThat(found.isError()).isFalse();
            assertThat(((McpSchema.TextContent) found.content().getFirst()).text()).contains("Queen");

            McpSchema.CallToolResult bad = client.callTool(new McpSchema.CallToolRequest("recommend", Map.of("count", 0)));
            assertThat(bad.isError()).isTrue();
            assertThat(((McpSchema.TextContent) bad.content().getFirst()).text()).contains("'count' must be between 1 and 50");
        }
        // the log went to stderr (where the client showed it), not into the protocol stream
        assertThat(String.join("\n", List.copyOf(stderr))).contains("Started McpStdioLauncher");
    }
}
