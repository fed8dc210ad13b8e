package io.echotune.server.mcp;

import io.echotune.channels.mcp.EchoTuneMcpServers;
import io.echotune.channels.mcp.MusicMcpTools;
import io.echotune.server.EchoTuneServer;
import io.modelcontextprotocol.json.McpJsonMapper;
import io.modelcontextprotocol.server.McpSyncServer;
import org.springframework.boot.Banner;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;

/**
 * EchoTune as an MCP server on stdio, the way desktop assistants and IDEs launch local MCP servers:
 * <pre>java -cp echotune-server.jar -Dloader.main=io.echotune.server.mcp.McpStdioLauncher org.springframework.boot.loader.launch.PropertiesLauncher</pre>
 * Same engine and configuration as the server (MONGODB_URI, ECHOTUNE_DATA_DIR, ECHOTUNE_MCP_CLIENT_ID, ...); its
 * web server listens on a free loopback port only. Stdout carries only MCP messages: everything else the JVM prints goes to stderr. Exits when the
 * client closes stdin.
 */
public final class McpStdioLauncher {

    private McpStdioLauncher() {
    }

    public static void main(String[] args) throws InterruptedException {
        PrintStream protocol = System.out;
        // before anything logs: Spring Boot's console logging and any library's println must not corrupt the protocol
        System.setOut(System.err);
        CountDownLatch stdinClosed = new CountDownLatch(1);
        InputStream in = new FilterInputStream(System.in) {
            @Override
            public int read() throws IOException {
                return seen(super.read());
            }

            @Override
            public int read(byte[] b, int off, int len) throws IOException {
                return seen(super.read(b, off, len));
            }

            private int seen(int n) {
                if (n < 0) stdinClosed.countDown();
                return n;
            }
        };

        // the server's web parts (WebSocket chat) need a servlet container: it listens on a free loopback port only,
        // without the MCP HTTP endpoint; command-line arguments outrank application.yml, and the caller's come last
        List<String> arguments = new ArrayList<>(List.of("--server.port=0", "--server.address=127.0.0.1", "--echotune.mcp.enabled=false"));
        arguments.addAll(List.of(args));
        ConfigurableApplicationContext context;
        try {
            context = new SpringApplicationBuilder(EchoTuneServer.class)
                    .bannerMode(Banner.Mode.OFF)
                    .run(arguments.toArray(String[]::new));
        } catch (RuntimeException e) {
            // Spring has logged why; leave now, or threads the failed start left behind would keep the client waiting
            System.exit(1);
            return;
        }
        McpSyncServer server = EchoTuneMcpServers.stdio(in, protocol, context.getBean(MusicMcpTools.class), context.getBean(McpJsonMapper.class));
        stdinClosed.await();
        server.closeGracefully();
        context.close();
        System.exit(0);
    }
}
