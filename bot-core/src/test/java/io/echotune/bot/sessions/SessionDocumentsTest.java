package io.echotune.bot.sessions;

import io.echotune.bot.BotTestApplication;
import io.echotune.bot.sessions.SessionContext.StoredRequest;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.data.mongodb.core.MongoTemplate;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The hand-built documents of chat turns against Spring Data's mapping of the same records, and back. */
@SpringBootTest(classes = BotTestApplication.class)
class SessionDocumentsTest {

    @Autowired
    MongoTemplate mongo;
    @Autowired
    ChatSessions sessions;

    private static final Instant AT = Instant.parse("2026-11-25T10:15:30.123Z");

    private static SessionTurn turn(Instant at, String playlistId) {
        return new SessionTurn(at, "something calm to study to", "Here are 2 picks", "recommend", 0.93, "neutral", 0.0,
                "rules", List.of("t1", "t2"), playlistId);
    }

    private static SessionContext fullContext() {
        Map<String, String> reasons = new LinkedHashMap<>();
        reasons.put("t1", "calm, acoustic");
        reasons.put("t2", "often in playlists with Norah Jones");
        return new SessionContext(List.of("t1", "t2"), reasons,
                new StoredRequest(List.of("t9"), List.of("Norah Jones"), List.of("jazz"), List.of("calm"), List.of("study"),
                        1990, 2009, 10),
                "p1", "recommend");
    }

    private SessionDocuments documents() {
        return new SessionDocuments(mongo.getConverter());
    }

    private Document mapped(ChatSession session) {
        Document document = new Document();
        mongo.getConverter().write(session, document);
        return document;
    }

    @Test
    void everyFieldIsWrittenAsTheMappingWritesIt() {
        ChatSession full = new ChatSession("s-full", "u1", "rest", AT, AT.plusSeconds(5),
                List.of(turn(AT, "p1"), turn(AT.plusSeconds(5), null)), fullContext());
        assertThat(documents().session(full)).isEqualTo(mapped(full));

        // nulls are left out, as the mapping leaves them out; empty lists and maps are written
        ChatSession sparse = new ChatSession("s-sparse", "u2", "web", AT, AT,
                List.of(new SessionTurn(AT, "hi", "Hello!", "greeting", 0.5, "positive", 0.4, "rules", List.of(), null)),
                SessionContext.EMPTY.withIntent("greeting"));
        assertThat(documents().session(sparse)).isEqualTo(mapped(sparse));
        StoredRequest noEra = StoredRequest.empty(5);
        SessionContext withRequest = new SessionContext(List.of(), Map.of(), noEra, null, null);
        assertThat(documents().context(withRequest)).isEqualTo(mapped(new ChatSession("x", "u", "rest", AT, AT, List.of(),
                withRequest)).get("context"));
    }

    @Test
    void turnsWrittenThisWayReadBackThroughTheMapping() {
        ChatSession started = sessions.start("u3", "rest");
        SessionTurn first = turn(AT, null);
        sessions.appendFirst(started, first, SessionContext.EMPTY.withIntent("recommend"));
        SessionTurn second = turn(AT.plusSeconds(30), "p7");
        sessions.append(started.id(), second, fullContext());

        ChatSession stored = sessions.find(started.id()).orElseThrow();
        assertThat(stored.turns()).containsExactly(first, second);
        assertThat(stored.context()).isEqualTo(fullContext());
        assertThat(stored.userId()).isEqualTo("u3");
        assertThat(stored.channel()).isEqualTo("rest");
        assertThat(stored.createdAt()).isEqualTo(started.createdAt().truncatedTo(ChronoUnit.MILLIS));
        assertThat(stored.updatedAt()).isEqualTo(second.at());
    }

    @Test
    void aTrackIdWithADotIsRefusedAsTheMappingWouldRefuseIt() {
        SessionContext dotted = new SessionContext(List.of("a.b"), Map.of("a.b", "why"), null, null, null);
        assertThatThrownBy(() -> documents().context(dotted)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("a.b");
        assertThatThrownBy(() -> mapped(new ChatSession("x", "u", "rest", AT, AT, List.of(), dotted)))
                .hasMessageContaining("a.b");
    }
}
