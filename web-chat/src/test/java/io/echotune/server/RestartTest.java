package io.echotune.server;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** Sessions and playlists survive a restart of the server on the same data directory. */
class RestartTest {

    @TempDir
    Path dataDir;

    private ConfigurableApplicationContext start() {
        // command-line arguments, because application.yml overrides the builder's default properties
        return new SpringApplicationBuilder(EchoTuneServer.class)
                .run("--server.port=0", "--echotune.storage.data-dir=" + dataDir);
    }

    private static int port(ConfigurableApplicationContext context) {
        return ((WebServerApplicationContext) context).getWebServer().getPort();
    }

    @Test
    void aConversationContinuesAfterTheServerRestarts() {
        String session;
        String playlistId;
        try (ConfigurableApplicationContext first = start()) {
            JsonHttp http = new JsonHttp(port(first));
            session = http.chat(null, "recommend some chill r&b").get("sessionId").asText();
            playlistId = http.chat(session, "make it a playlist of 12 songs called Late Night").get("playlist").get("id").asText();
        }
        assertThat(dataDir.resolve("echotune.mv.db")).exists();

        try (ConfigurableApplicationContext second = start()) {
            JsonHttp http = new JsonHttp(port(second));
            JsonNode stored = http.get("/api/sessions/" + session).json();
            assertThat(stored.get("turns")).hasSize(2);
            assertThat(stored.get("turns").get(0).get("message").asText()).isEqualTo("recommend some chill r&b");
            assertThat(http.get("/api/playlists/" + playlistId).json().get("name").asText()).isEqualTo("Late Night");

            // the conversation's context survived too: "another one" continues the chill r&b request
            JsonNode more = http.chat(session, "another one");
            assertThat(more.get("intent").asText()).isEqualTo("recommend");
            assertThat(more.get("tracks")).isNotEmpty();
            more.get("tracks").forEach(t -> assertThat(t.get("genres").toString()).contains("r&b"));
        }
    }
}
