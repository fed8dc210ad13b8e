package io.echotune.channels.discord;

import com.fasterxml.jackson.databind.JsonNode;
import io.echotune.bot.linking.IdentityLinking;
import io.echotune.music.history.FeedbackKind;
import io.echotune.music.history.ListeningEvent;
import io.echotune.music.history.ListeningHistory;
import io.echotune.music.users.EchoUser;
import io.echotune.music.users.Users;
import org.assertj.core.groups.Tuple;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Discord bot end to end: the real JDA, its REST client pointed at a fake Discord REST API and its gateway
 * client at a fake gateway WebSocket on 127.0.0.1, the real conversation engine and MongoDB driver behind them.
 * The process runs shard 0 of 2, as one of two processes sharing a bot would.
 */
@SpringBootTest(classes = DiscordTestApplication.class)
class DiscordBotTest {

    static final FakeDiscord discord = new FakeDiscord();
    static final AtomicLong people = new AtomicLong(4_200_000_000_000_000_00L);

    @DynamicPropertySource
    static void discord(DynamicPropertyRegistry registry) {
        registry.add("echotune.discord.token", () -> FakeDiscord.TOKEN);
        registry.add("echotune.discord.rest-base-url", discord::restBaseUrl);
        registry.add("echotune.discord.gateway-url", discord::gatewayUrl);
        registry.add("echotune.discord.shards-total", () -> 2);
        registry.add("echotune.discord.shards", () -> "0");
    }

    @AfterAll
    static void stop() {
        discord.close();
    }

    @Autowired
    ListeningHistory history;
    @Autowired
    Users users;
    @Autowired
    IdentityLinking linking;

    private static List<String> customIds(JsonNode message) {
        List<String> ids = new ArrayList<>();
        message.path("components").forEach(row -> row.path("components").forEach(b -> ids.add(b.path("custom_id").asText())));
        return ids;
    }

    private static JsonNode editedReply(int index) {
        return discord.awaitCall("PATCH", "/messages/@original", index).body();
    }

    @Test
    void identifiesAsItsShardAndRegistersSlashCommands() {
        JsonNode identify = discord.awaitIdentify().path("d");
        assertThat(identify.path("token").asText()).isEqualTo(FakeDiscord.TOKEN);
        assertThat(identify.path("shard").toString()).isEqualTo("[0,2]");
        long intents = identify.path("intents").asLong();
        assertThat(intents & (1 << 15)).as("MESSAGE_CONTENT is privileged and not asked for").isZero();
        assertThat(intents & (1 << 12)).as("DIRECT_MESSAGES").isNotZero();

        JsonNode commands = discord.awaitCall("PUT", "/commands", b -> true).body();
        List<String> names = new ArrayList<>();
        commands.forEach(c -> names.add(c.path("name").asText()));
        assertThat(names).containsExactlyInAnyOrder("ask", "recommend", "playlist", "link");
    }

    @Test
    void holdsAConversationThroughSlashCommandsAndButtons() {
        String person = Long.toString(people.incrementAndGet());
        String dm = discord.nextId();
        int before = (int) discord.calls().stream().filter(c -> c.path().endsWith("/messages/@original")).count();

        discord.slashCommand(person, dm, "ask", "message", "something calm to study to");
        JsonNode deferred = discord.awaitCall("POST", "/callback", b -> b.path("type").asInt() == 5).body();
        assertThat(deferred.path("type").asInt()).as("deferred: the turn may take longer than 3 s").isEqualTo(5);
        JsonNode picks = editedReply(before);
        JsonNode embed = picks.path("embeds").get(0);
        assertThat(embed.path("fields")).hasSize(5);
        assertThat(embed.path("fields").get(0).path("value").asText()).contains("https://open.spotify.com/track/");
        assertThat(customIds(picks)).anyMatch(id -> id.startsWith("like:")).anyMatch(id -> id.startsWith("more:")).contains("save");

        discord.slashCommand(person, dm, "recommend", "what", "more like that");
        assertThat(editedReply(before + 1).path("embeds").get(0).path("fields").size()).isPositive();

        String like = customIds(picks).stream().filter(id -> id.startsWith("like:")).findFirst().orElseThrow();
        discord.button(person, dm, like, discord.fromRequest(picks, dm));
        JsonNode thanks = editedReply(before + 2);
        assertThat(thanks.path("content").asText()).startsWith("👍 Noted");
        String userId = users.forIdentity("discord", person, null).getId();
        assertThat(history.recent(userId, 10)).extracting(ListeningEvent::trackId, ListeningEvent::kind)
                .contains(Tuple.tuple(like.substring("like:".length()), FeedbackKind.LIKE));

        String more = customIds(picks).stream().filter(id -> id.startsWith("more:")).findFirst().orElseThrow();
        discord.button(person, dm, more, discord.fromRequest(picks, dm));
        assertThat(editedReply(before + 3).path("embeds").get(0).path("fields").size()).isPositive();

        discord.slashCommand(person, dm, "playlist", "name", "Night Study");
        assertThat(editedReply(before + 4).path("embeds").get(0).path("title").asText()).contains("Night Study");
    }

    @Test
    void answersDirectMessagesWithTypingAndAnEmbed() {
        String person = Long.toString(people.incrementAndGet());
        String dm = discord.nextId();
        discord.directMessage(person, dm, "some classic rock");
        discord.awaitCall("POST", "channels/" + dm + "/typing", b -> true);
        JsonNode reply = discord.awaitCall("POST", "channels/" + dm + "/messages", b -> true).body();
        assertThat(reply.path("embeds").get(0).path("fields").get(0).path("value").asText()).contains("open.spotify.com");
        assertThat(reply.path("message_reference").path("message_id").asText()).isNotEmpty();
    }

    @Test
    void linkJoinsADiscordAccountToATelegramOne() {
        EchoUser onTelegram = users.forIdentity("telegram", "77" + people.incrementAndGet(), "Ana");
        String code = linking.issue(onTelegram.getId()).display();
        String person = Long.toString(people.incrementAndGet());
        String dm = discord.nextId();
        int before = (int) discord.calls().stream().filter(c -> c.path().endsWith("/messages/@original")).count();

        discord.slashCommand(person, dm, "link", "code", code);
        JsonNode deferred = discord.awaitCall("POST", "/callback", b -> b.path("data").path("flags").asInt() == 64).body();
        assertThat(deferred.path("type").asInt()).isEqualTo(5);
        assertThat(editedReply(before).path("content").asText()).startsWith("Linked!");
        assertThat(users.forIdentity("discord", person, null).getId()).isEqualTo(onTelegram.getId());
    }
}
