package io.echotune.channels.mcp;

import io.echotune.music.catalog.Track;
import io.echotune.music.playlists.PlaylistBuilder;
import io.echotune.music.tools.MusicTools;
import io.echotune.music.users.Users;
import io.modelcontextprotocol.client.McpClient;
import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.client.transport.HttpClientStreamableHttpTransport;
import io.modelcontextprotocol.spec.McpError;
import io.modelcontextprotocol.spec.McpSchema;
import io.modelcontextprotocol.spec.McpSchema.CallToolRequest;
import io.modelcontextprotocol.spec.McpSchema.CallToolResult;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Every MCP tool through the SDK's own client over Streamable HTTP: listing, each call, and bad arguments. */
@SpringBootTest(classes = McpTestApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "echotune.mcp.client-id=test-client")
class MusicMcpToolsTest {

    @LocalServerPort
    int port;
    @Autowired
    Users users;
    @Autowired
    PlaylistBuilder playlists;
    @Autowired
    MusicTools musicTools;

    McpSyncClient client;

    @BeforeEach
    void connect() {
        client = McpClient.sync(HttpClientStreamableHttpTransport.builder("http://127.0.0.1:" + port).endpoint("/mcp").build())
                .requestTimeout(Duration.ofSeconds(30)).build();
        client.initialize();
    }

    @AfterEach
    void disconnect() {
        client.closeGracefully();
    }

    private CallToolResult call(String tool, Map<String, Object> arguments) {
        return client.callTool(new CallToolRequest(tool, arguments));
    }

    private static String text(CallToolResult result) {
        return ((McpSchema.TextContent) result.content().getFirst()).text();
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> tracks(CallToolResult result) {
        return (List<Map<String, Object>>) ((Map<String, Object>) result.structuredContent()).get("tracks");
    }

    private static CallToolResult ok(CallToolResult result) {
        assertThat(result.isError()).as(text(result)).isFalse();
        return result;
    }

    private String clientUserId() {
        return users.forIdentity("mcp", "test-client", null).getId();
    }

    @Test
    void listsTheMusicToolsWithTheirArguments() {
        assertThat(client.getServerInfo().name()).isEqualTo("echotune");
        List<McpSchema.Tool> tools = client.listTools().tools();
        assertThat(tools).extracting(McpSchema.Tool::name)
                .containsExactlyInAnyOrder("search_tracks", "recommend", "build_playlist", "explain", "feedback", "chat");
        assertThat(tools).allSatisfy(tool -> {
            assertThat(tool.description()).isNotBlank();
            assertThat(tool.inputSchema()).containsEntry("type", "object");
            // who the user is comes from the server's configuration, never from what a model passes
            assertThat(properties(tool).keySet()).noneMatch(name -> name.contains("user"));
        });
        McpSchema.Tool recommend = tools.stream().filter(t -> t.name().equals("recommend")).findFirst().orElseThrow();
        assertThat(properties(recommend)).containsKeys("genres", "moods", "activities", "artists", "seed_track_ids", "count");
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> properties(McpSchema.Tool tool) {
        return (Map<String, Object>) tool.inputSchema().get("properties");
    }

    @Test
    void searchFindsAnArtistsTracks() {
        CallToolResult result = ok(call("search_tracks", Map.of("query", "daft punk", "limit", 3)));
        assertThat(tracks(result)).hasSize(3).allSatisfy(t -> assertThat(t.get("artists").toString()).contains("Daft Punk"));
        assertThat(text(result)).contains("Daft Punk").contains("[" + tracks(result).getFirst().get("id") + "]");
    }

    @Test
    void recommendsByGenreAndMoodWithReasons() {
        CallToolResult result = ok(call("recommend", Map.of("genres", List.of("r&b"), "moods", List.of("chill"), "count", 5)));
        assertThat(tracks(result)).hasSize(5).allSatisfy(t -> {
            assertThat(t.get("genres").toString()).contains("r&b");
            assertThat((String) t.get("reason")).isNotBlank();
        });
    }

    @Test
    void buildsAndSavesAPlaylistForTheConfiguredClient() {
        String seed = (String) tracks(ok(call("search_tracks", Map.of("query", "Around the World", "limit", 1)))).getFirst().get("id");
        CallToolResult result = ok(call("build_playlist", Map.of("name", "Run Club", "activities", List.of("running"),
                "count", 12, "track_ids", List.of(seed))));
        @SuppressWarnings("unchecked")
        Map<String, Object> playlist = (Map<String, Object>) ((Map<String, Object>) result.structuredContent()).get("playlist");
        assertThat(playlist.get("track_count")).isEqualTo(12);
        var stored = playlists.find((String) playlist.get("id")).orElseThrow();
        assertThat(stored.name()).isEqualTo("Run Club");
        assertThat(stored.trackIds()).hasSize(12).startsWith(seed);
        assertThat(stored.userId()).isEqualTo(clientUserId());
    }

    @Test
    void explainsWhyATrackWasRecommended() {
        Map<String, Object> pick = tracks(ok(call("recommend", Map.of("activities", List.of("study"), "count", 3)))).getFirst();
        CallToolResult explained = ok(call("explain", Map.of("track_id", pick.get("id"))));
        assertThat(text(explained)).contains("was recommended to you because " + pick.get("reason")).contains("BPM");

        String neverShown = (String) tracks(ok(call("search_tracks", Map.of("query", "metallica", "limit", 1)))).getFirst().get("id");
        assertThat(text(ok(call("explain", Map.of("track_id", neverShown))))).startsWith("I haven't recommended").contains("genre: ");
    }

    @Test
    void feedbackIsRecordedForTheConfiguredIdentityNotOneFromTheArguments() {
        String id = (String) tracks(ok(call("search_tracks", Map.of("query", "bohemian rhapsody", "limit", 1)))).getFirst().get("id");
        // an extra argument naming another user changes nothing: the tools never read a user from arguments
        ok(call("feedback", Map.of("track_id", id, "liked", true, "user_id", "someone-else")));
        assertThat(musicTools.myTopTracks(clientUserId(), 10)).extracting(Track::id).contains(id);
        assertThat(users.forIdentity("rest", "someone-else", null).getId()).isNotEqualTo(clientUserId());
        assertThat(musicTools.myTopTracks(users.forIdentity("rest", "someone-else", null).getId(), 10)).isEmpty();
    }

    @Test
    void chatRunsTheConversationEngineAcrossCalls() {
        CallToolResult first = ok(call("chat", Map.of("message", "something calm to study to")));
        @SuppressWarnings("unchecked")
        Map<String, Object> reply = (Map<String, Object>) first.structuredContent();
        String session = (String) reply.get("session_id");
        assertThat(reply.get("intent")).isEqualTo("recommend");
        assertThat(tracks(first)).isNotEmpty();

        CallToolResult playlist = ok(call("chat", Map.of("message", "make that a playlist called Deep Focus", "session_id", session)));
        assertThat(playlist.structuredContent().toString()).contains("Deep Focus");

        CallToolResult unknown = call("chat", Map.of("message", "another one", "session_id", "no-such-session"));
        assertThat(unknown.isError()).isTrue();
        assertThat(text(unknown)).contains("session_id");
    }

    @Test
    void badArgumentsGetAToolErrorThatSaysWhatToFix() {
        assertToolError(call("search_tracks", Map.of()), "query");
        assertToolError(call("search_tracks", Map.of("query", "abba", "limit", 500)), "limit");
        assertToolError(call("recommend", Map.of("moods", List.of("grumpy"))), "grumpy");
        assertToolError(call("recommend", Map.of("genres", List.of("klezmer metal"))), "klezmer metal");
        assertToolError(call("recommend", Map.of("artists", List.of("No Such Band Xyz"))), "No Such Band Xyz");
        assertToolError(call("recommend", Map.of("year_from", 2010, "year_to", 1990)), "year_from");
        assertToolError(call("build_playlist", Map.of("count", 10)), "name");
        assertToolError(call("explain", Map.of("track_id", "not-a-track")), "not-a-track");
        assertToolError(call("feedback", Map.of("track_id", "not-a-track", "liked", true)), "not-a-track");
        assertToolError(call("chat", Map.of("message", "   ")), "message");
    }

    private static void assertToolError(CallToolResult result, String mentioned) {
        assertThat(result.isError()).as("an error result").isTrue();
        assertThat(text(result)).contains(mentioned).doesNotContain("Exception");
    }

    @Test
    void anUnknownToolIsAProtocolError() {
        assertThatThrownBy(() -> call("dance", Map.of())).isInstanceOf(McpError.class).hasMessageContaining("Unknown tool");
    }
}
