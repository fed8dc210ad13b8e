package io.echotune.server.web;

import io.echotune.bot.sessions.ChatSessions;
import io.echotune.music.history.ListeningHistory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.io.IOException;
import java.nio.file.Files;

/** The server on a random port and a fresh data directory, shared (one Spring context) by the web chat's tests. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
public abstract class RunningServer {

    public static final String ALLOWED_SITE = "https://shop.example";

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) throws IOException {
        String dir = Files.createTempDirectory("echotune-web").toString();
        registry.add("echotune.storage.data-dir", () -> dir);
        registry.add("echotune.web.allowed-origins", () -> ALLOWED_SITE);
    }

    @LocalServerPort
    protected int port;
    @Autowired
    protected ChatSessions sessions;
    @Autowired
    protected ListeningHistory history;

    protected WebClient visitor() {
        return new WebClient(port);
    }
}
