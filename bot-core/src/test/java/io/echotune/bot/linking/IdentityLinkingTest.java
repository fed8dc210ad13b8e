package io.echotune.bot.linking;

import io.echotune.bot.BotTestApplication;
import io.echotune.bot.conversation.ChatReply;
import io.echotune.bot.conversation.ChatTurn;
import io.echotune.bot.conversation.ConversationService;
import io.echotune.bot.sessions.ChatSession;
import io.echotune.music.history.FeedbackKind;
import io.echotune.music.history.ListeningEvent;
import io.echotune.music.history.ListeningHistory;
import io.echotune.music.playlists.Playlist;
import io.echotune.music.recommend.RecommendationLog;
import io.echotune.music.recommend.RecommendationRecord;
import io.echotune.music.users.EchoUser;
import io.echotune.music.users.UserRepository;
import io.echotune.music.users.Users;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** Link codes and identity merging against the real MongoDB driver (mongo-java-server in memory). */
@SpringBootTest(classes = BotTestApplication.class)
class IdentityLinkingTest {

    @Autowired
    IdentityLinking linking;
    @Autowired
    Users users;
    @Autowired
    UserRepository userRepository;
    @Autowired
    ListeningHistory history;
    @Autowired
    ConversationService conversations;
    @Autowired
    MongoTemplate mongo;
    @Autowired
    RecommendationLog shown;

    private static String id() {
        return UUID.randomUUID().toString();
    }

    @Test
    void aCodeEnteredOnAnotherChannelMergesThatUsersHistoryPlaylistsAndSessions() {
        String telegramId = id();
        String discordId = id();
        EchoUser onTelegram = users.forIdentity("telegram", telegramId, "Ana");
        history.record(onTelegram.getId(), "track-liked-on-telegram", FeedbackKind.LIKE, "chat");

        ChatReply discordChat = conversations.handle(new ChatTurn("discord", Optional.of(discordId), Optional.empty(),
                "make a 5-song playlist called Night Drive"));
        EchoUser onDiscord = users.forIdentity("discord", discordId, null);
        history.record(onDiscord.getId(), "track-liked-on-discord", FeedbackKind.LIKE, "chat");
        String playlistId = discordChat.playlist().orElseThrow().playlist().id();
        // picks shown just before the link: their record is written behind the reply, and must move all the same
        conversations.handle(new ChatTurn("discord", Optional.of(discordId), Optional.of(discordChat.sessionId()),
                "something calm to study to"));

        IssuedCode code = linking.issue(onTelegram.getId());
        assertThat(code.code()).hasSize(8).matches("[" + IdentityLinking.ALPHABET + "]+");
        assertThat(code.display()).matches("\\w{4}-\\w{4}");

        Redemption redeemed = linking.redeem(code.display().toLowerCase(), "discord", discordId);

        assertThat(redeemed).isEqualTo(new Redemption.Linked(onTelegram.getId(), onDiscord.getId()));
        assertThat(users.forIdentity("discord", discordId, null).getId()).isEqualTo(onTelegram.getId());
        assertThat(userRepository.findById(onDiscord.getId())).isEmpty();
        assertThat(userRepository.findById(onTelegram.getId()).orElseThrow().getIdentities())
                .contains("telegram:" + telegramId, "discord:" + discordId);
        assertThat(history.recent(onTelegram.getId(), 50)).extracting(ListeningEvent::trackId)
                .contains("track-liked-on-telegram", "track-liked-on-discord");
        assertThat(mongo.findById(playlistId, Playlist.class).userId()).isEqualTo(onTelegram.getId());
        assertThat(mongo.findById(discordChat.sessionId(), ChatSession.class).userId()).isEqualTo(onTelegram.getId());
        assertThat(mongo.count(Query.query(Criteria.where("userId").is(onTelegram.getId())), RecommendationRecord.class)).isPositive();
        shown.flush(Duration.ofSeconds(5));
        assertThat(mongo.count(Query.query(Criteria.where("userId").is(onDiscord.getId())), RecommendationRecord.class)).isZero();
        // stored snake_case, as every other collection
        assertThat(mongo.getCollection("chat_sessions").find(new Document("_id", discordChat.sessionId())).first())
                .containsEntry("user_id", onTelegram.getId());

        // the Discord conversation goes on, now as the linked person
        ChatReply next = conversations.handle(new ChatTurn("discord", Optional.of(discordId),
                Optional.of(discordChat.sessionId()), "another one"));
        assertThat(next.sessionId()).isEqualTo(discordChat.sessionId());

        // single use
        assertThat(linking.redeem(code.code(), "web", id())).isInstanceOf(Redemption.Rejected.class);
    }

    @Test
    void aNewIdentityIsSimplyAddedAndTheSameUserIsToldItIsAlreadyLinked() {
        EchoUser user = users.forIdentity("web", id(), null);
        String telegramId = id();
        assertThat(linking.redeem(linking.issue(user.getId()).code(), "telegram", telegramId))
                .isEqualTo(new Redemption.Linked(user.getId(), null));
        assertThat(users.forIdentity("telegram", telegramId, null).getId()).isEqualTo(user.getId());

        assertThat(linking.redeem(linking.issue(user.getId()).code(), "telegram", telegramId))
                .isEqualTo(new Redemption.AlreadyLinked(user.getId()));
    }

    @Test
    void aNewCodeReplacesTheOldOneAndExpiredCodesAreRejected() {
        EchoUser user = users.forIdentity("web", id(), null);
        IssuedCode first = linking.issue(user.getId());
        IssuedCode second = linking.issue(user.getId());
        assertThat(second.code()).isNotEqualTo(first.code());
        assertThat(linking.redeem(first.code(), "telegram", id())).isInstanceOf(Redemption.Rejected.class);

        mongo.insert(new LinkCode("EXPRD234", user.getId(), Instant.now().minusSeconds(900), Instant.now().minusSeconds(300)));
        assertThat(linking.redeem("EXPRD234", "telegram", id())).isInstanceOf(Redemption.Rejected.class);
    }

    @Test
    void guessingIsCutOffAfterAFewWrongCodes() {
        String guesser = id();
        EchoUser victim = users.forIdentity("web", id(), null);
        for (int i = 0; i < LinkAttempts.MAX_FAILURES; i++) {
            assertThat(linking.redeem("WRNG" + "234" + i, "telegram", guesser)).isInstanceOf(Redemption.Rejected.class);
        }
        // even the right code is refused now, and the refusal says how long to wait
        Redemption blocked = linking.redeem(linking.issue(victim.getId()).code(), "telegram", guesser);
        assertThat(blocked).isInstanceOf(Redemption.TooManyAttempts.class);
        assertThat(((Redemption.TooManyAttempts) blocked).retryAfter()).isPositive();
        assertThat(blocked.message()).contains("15 minutes");
        // other people are not affected
        assertThat(linking.redeem(linking.issue(victim.getId()).code(), "telegram", id())).isInstanceOf(Redemption.Linked.class);
    }
}
