package io.echotune.channels.telegram;

import com.fasterxml.jackson.databind.JsonNode;
import io.echotune.music.history.FeedbackKind;
import io.echotune.music.history.ListeningEvent;
import io.echotune.music.history.ListeningHistory;
import io.echotune.music.users.Users;
import io.echotune.bot.sessions.ChatSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Telegram bot end to end in long-polling mode: the real telegrambots client and long-polling loop against a
 * fake Bot API on 127.0.0.1, the real conversation engine and MongoDB driver behind it.
 */
@SpringBootTest(classes = TelegramTestApplication.class)
class TelegramBotTest {

    static final FakeTelegramApi telegram = new FakeTelegramApi();
    static final AtomicLong users = new AtomicLong(5000);

    @DynamicPropertySource
    static void telegram(DynamicPropertyRegistry registry) {
        registry.add("echotune.telegram.token", () -> FakeTelegramApi.TOKEN);
        registry.add("echotune.telegram.base-url", telegram::baseUrl);
        registry.add("echotune.channels.burst", () -> 8);
        registry.add("echotune.channels.turns-per-minute", () -> 8);
    }

    @AfterAll
    static void stop() {
        telegram.close();
    }

    @Autowired
    ListeningHistory history;
    @Autowired
    Users echoUsers;
    @Autowired
    MongoTemplate mongo;

    private static JsonNode replyTo(long chatId, int index) {
        telegram.await("sendMessage", b -> telegram.sentTo(chatId).size() > index);
        return telegram.sentTo(chatId).get(index);
    }

    private static List<JsonNode> buttons(JsonNode message) {
        List<JsonNode> all = new java.util.ArrayList<>();
        message.path("reply_markup").path("inline_keyboard").forEach(row -> row.forEach(all::add));
        return all;
    }

    @Test
    void holdsAConversationInAPrivateChatWithLinksButtonsAndTyping() {
        long user = users.incrementAndGet();
        telegram.push(telegram.privateMessage(user, "/start"));
        assertThat(replyTo(user, 0).path("text").asText()).contains("/recommend").contains("/link");

        telegram.push(telegram.privateMessage(user, "something calm to study to"));
        JsonNode picks = replyTo(user, 1);
        assertThat(picks.path("parse_mode").asText()).isEqualToIgnoringCase("HTML");
        assertThat(picks.path("text").asText()).contains("1. <a href=\"https://open.spotify.com/track/").contains("5. <a href=");
        // the engine's plain list is not repeated above the linked one
        assertThat(picks.path("text").asText().split("\n")).filteredOn(l -> l.matches("\\d+\\. .*")).hasSize(5);
        assertThat(buttons(picks)).extracting(b -> b.path("text").asText()).contains("👍 1", "👎 1", "More like 1", "💾 Save as playlist");
        assertThat(telegram.calls("sendChatAction")).anySatisfy(c -> {
            assertThat(c.body().path("chat_id").asText()).isEqualTo(Long.toString(user));
            assertThat(c.body().path("action").asText()).isEqualTo("typing");
        });

        telegram.push(telegram.privateMessage(user, "another one"));
        assertThat(replyTo(user, 2).path("text").asText()).contains("<a href=\"https://open.spotify.com/track/");

        // 👍 on the first track of the earlier reply: recorded for this person, confirmed, the button marked
        String like = buttons(picks).getFirst().path("callback_data").asText();
        assertThat(like).startsWith("like:");
        telegram.press(user, picks, like);
        JsonNode toast = telegram.await("answerCallbackQuery", b -> b.path("text").asText().startsWith("👍 Noted")).body();
        assertThat(toast.path("text").asText()).contains("you like");
        JsonNode edited = telegram.await("editMessageReplyMarkup", b -> b.path("chat_id").asText().equals(Long.toString(user))).body();
        assertThat(buttons(edited).getFirst().path("text").asText()).isEqualTo("✅ 👍 1");
        String userId = echoUsers.forIdentity("telegram", Long.toString(user), null).getId();
        assertThat(history.recent(userId, 10)).extracting(ListeningEvent::trackId, ListeningEvent::kind)
                .contains(org.assertj.core.groups.Tuple.tuple(like.substring("like:".length()), FeedbackKind.LIKE));

        // "more like this" and "save" continue the same conversation
        String more = buttons(picks).stream().map(b -> b.path("callback_data").asText()).filter(d -> d.startsWith("more:")).findFirst().orElseThrow();
        telegram.press(user, picks, more);
        assertThat(replyTo(user, 3).path("text").asText()).contains("<a href=\"https://open.spotify.com/track/");
        telegram.press(user, replyTo(user, 3), "save");
        assertThat(replyTo(user, 4).path("text").asText()).contains("🎧 <b>");

        List<ChatSession> sessions = mongo.find(Query.query(Criteria.where("userId").is(userId)), ChatSession.class);
        assertThat(sessions).hasSize(1);
        assertThat(sessions.getFirst().channel()).isEqualTo("telegram");
        assertThat(sessions.getFirst().turns()).extracting(t -> t.userText())
                .containsSubsequence("something calm to study to", "another one", "make that a playlist");
    }

    @Test
    void inAGroupItAnswersOnlyWhenMentionedOrRepliedTo() {
        long group = -100_000 - users.incrementAndGet();
        long user = users.incrementAndGet();
        telegram.push(telegram.message(group, "supergroup", user, "anyone watching the game tonight?"));
        telegram.push(telegram.message(group, "supergroup", user, "@" + FakeTelegramApi.BOT_USERNAME + " some classic rock"));
        JsonNode first = replyTo(group, 0);
        assertThat(first.path("text").asText()).contains("open.spotify.com");

        var reply = telegram.message(group, "supergroup", user, "another one");
        var botMessage = new com.fasterxml.jackson.databind.ObjectMapper().createObjectNode();
        botMessage.put("message_id", 1).put("date", java.time.Instant.now().getEpochSecond());
        botMessage.putObject("chat").put("id", group).put("type", "supergroup");
        botMessage.putObject("from").put("id", FakeTelegramApi.BOT_ID).put("is_bot", true).put("first_name", "EchoTune");
        reply.set("reply_to_message", botMessage);
        telegram.push(reply);
        replyTo(group, 1);
        // the chatter before was processed first (one queue per chat) and got no answer
        assertThat(telegram.sentTo(group)).hasSize(2);
    }

    @Test
    void ridesOutRateLimitsAndServerErrorsWithoutLosingTheMessage() {
        long user = users.incrementAndGet();
        telegram.failNext("getUpdates", 502, "<html><body>502 Bad Gateway</body></html>");
        telegram.failNext("sendMessage", 429, "{\"ok\":false,\"error_code\":429,\"description\":\"Too Many Requests: retry after 1\",\"parameters\":{\"retry_after\":1}}");
        telegram.failNext("sendMessage", 502, "<html><body>502 Bad Gateway</body></html>");
        telegram.push(telegram.privateMessage(user, "some classic rock please"));
        JsonNode delivered = replyTo(user, 0);
        assertThat(delivered.path("text").asText()).contains("open.spotify.com");
        assertThat(telegram.calls("sendMessage:failed")).hasSizeGreaterThanOrEqualTo(2);
        assertThat(telegram.calls("getUpdates:failed")).hasSize(1);
    }

    @Test
    void aPersonSendingTooFastGetsAPoliteReply() {
        long user = users.incrementAndGet();
        for (int i = 0; i < 9; i++) {
            telegram.push(telegram.privateMessage(user, "hello"));
        }
        JsonNode last = replyTo(user, 8);
        assertThat(last.path("text").asText()).startsWith("You're sending messages faster than I can listen");
    }

    @Test
    void linkJoinsTwoTelegramAccountsIntoOnePerson() {
        long first = users.incrementAndGet();
        long second = users.incrementAndGet();
        telegram.push(telegram.privateMessage(first, "/link"));
        String notice = replyTo(first, 0).path("text").asText();
        Matcher code = Pattern.compile("code is (\\w{4}-\\w{4})").matcher(notice);
        assertThat(code.find()).as(notice).isTrue();

        telegram.push(telegram.privateMessage(second, "/link " + code.group(1)));
        assertThat(replyTo(second, 0).path("text").asText()).startsWith("Linked!");
        assertThat(echoUsers.forIdentity("telegram", Long.toString(second), null).getId())
                .isEqualTo(echoUsers.forIdentity("telegram", Long.toString(first), null).getId());

        telegram.push(telegram.privateMessage(second, "/link " + code.group(1)));
        assertThat(replyTo(second, 1).path("text").asText()).startsWith("That code didn't work");
    }

    @Test
    void longRepliesAreSplitUnderTelegramsLimit() {
        long user = users.incrementAndGet();
        telegram.push(telegram.privateMessage(user, "make a 50-song playlist called Long Drive"));
        JsonNode first = replyTo(user, 0);
        assertThat(first.path("text").asText()).contains("Long Drive");
        assertThat(telegram.sentTo(user)).allSatisfy(m -> assertThat(m.path("text").asText().length()).isLessThanOrEqualTo(4096));
    }
}
