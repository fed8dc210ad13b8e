package io.echotune.channels.mcp;

import io.modelcontextprotocol.json.McpJsonMapper;
import io.modelcontextprotocol.server.McpServer;
import io.modelcontextprotocol.server.McpServerFeatures;
import io.modelcontextprotocol.server.McpStatelessServerFeatures;
import io.modelcontextprotocol.server.McpStatelessSyncServer;
import io.modelcontextprotocol.server.McpSyncServer;
import io.modelcontextprotocol.server.transport.StdioServerTransportProvider;
import io.modelcontextprotocol.spec.McpSchema;
import io.modelcontextprotocol.spec.McpStatelessServerTransport;

import java.io.InputStream;
import java.io.OutputStream;

/**
 * The MCP server over each transport, all serving the same {@link MusicMcpTools}.
 *
 * <p>HTTP uses the SDK's stateless Streamable HTTP server: it keeps no MCP session in memory, so behind a load
 * balancer any instance answers any request of any client (the tools keep their state in MongoDB). Stdio is one
 * client per process, as desktop assistants launch it.
 */
public final class EchoTuneMcpServers {

    static final McpSchema.Implementation SERVER_INFO = new McpSchema.Implementation("echotune", "EchoTune music discovery", "0.1.0");
    static final String INSTRUCTIONS = """
            EchoTune finds and recommends music from its catalog and builds playlists for the user. Use search_tracks to \
            find songs or an artist's spelling, recommend for picks by genre, mood, activity, similar artists or era, \
            build_playlist to save a playlist, explain to say why a track was picked, feedback to record likes and \
            dislikes, or chat to talk to EchoTune in plain language. Track ids from one tool work in the others.""";

    private EchoTuneMcpServers() {
    }

    public static McpStatelessSyncServer stateless(McpStatelessServerTransport transport, MusicMcpTools tools, McpJsonMapper json) {
        return McpServer.sync(transport)
                .serverInfo(SERVER_INFO)
                .instructions(INSTRUCTIONS)
                .jsonMapper(json)
                .capabilities(McpSchema.ServerCapabilities.builder().tools(false).build())
                // MusicMcpTools checks arguments itself, with messages that name the argument and the fix
                // ("'limit' must be between 1 and 50") rather than the SDK's JSON-pointer schema errors
                .validateToolInputs(false)
                // the servlet already runs each request on its own (virtual) thread: call the tool right there
                .immediateExecution(true)
                .tools(tools.all().stream()
                        .map(t -> new McpStatelessServerFeatures.SyncToolSpecification(t.definition(),
                                (context, request) -> t.handler().apply(request.arguments())))
                        .toList())
                .build();
    }

    /** A server reading JSON-RPC messages from {@code in} and writing them to {@code out}, one per line. */
    public static McpSyncServer stdio(InputStream in, OutputStream out, MusicMcpTools tools, McpJsonMapper json) {
        return McpServer.sync(new StdioServerTransportProvider(json, in, out))
                .serverInfo(SERVER_INFO)
                .instructions(INSTRUCTIONS)
                .jsonMapper(json)
                .capabilities(McpSchema.ServerCapabilities.builder().tools(false).build())
                // MusicMcpTools checks arguments itself, with messages that name the argument and the fix
                // ("'limit' must be between 1 and 50") rather than the SDK's JSON-pointer schema errors
                .validateToolInputs(false)
                .tools(tools.all().stream()
                        .map(t -> new McpServerFeatures.SyncToolSpecification(t.definition(),
                                (exchange, request) -> t.handler().apply(request.arguments())))
                        .toList())
                .build();
    }
}
