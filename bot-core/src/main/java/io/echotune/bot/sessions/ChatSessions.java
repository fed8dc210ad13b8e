package io.echotune.bot.sessions;

import com.mongodb.client.model.Filters;
import io.echotune.music.ids.DocumentIds;
import org.bson.Document;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Service;

import java.time.Clock;
import java.util.List;
import java.util.Optional;

/** Stores conversations in {@code chat_sessions}. Session ids are random UUIDs: they cannot be guessed. */
@Service
public class ChatSessions {

    private final MongoTemplate mongo;
    private final SessionDocuments documents;
    private final Clock clock;

    public ChatSessions(MongoTemplate mongo, Clock clock) {
        this.mongo = mongo;
        this.documents = new SessionDocuments(mongo.getConverter());
        this.clock = clock;
    }

    /**
     * A new conversation, not yet stored: it is written together with its first turn ({@link #appendFirst}), one
     * write instead of an insert and an update, and a message that fails before its reply leaves no empty session.
     */
    public ChatSession start(String userId, String channel) {
        var now = clock.instant();
        return new ChatSession(DocumentIds.next(), userId, channel, now, now, List.of(), SessionContext.EMPTY);
    }

    public Optional<ChatSession> find(String id) {
        return Optional.ofNullable(mongo.findById(id, ChatSession.class));
    }

    /**
     * The conversation without its turns (and without the language model's memory): owner, channel and context, all a
     * new turn needs. Reading and mapping every earlier turn made each turn cost more the longer the conversation.
     */
    public Optional<ChatSession> findWithoutTurns(String id) {
        Query query = Query.query(Criteria.where("id").is(id));
        query.fields().exclude("turns").exclude(LLM_MEMORY);
        return Optional.ofNullable(mongo.findOne(query, ChatSession.class));
    }

    /**
     * Appends a turn and replaces the context in one atomic update; the caller replies only after it returns. Like the
     * first turn's insert, it writes documents built by {@link SessionDocuments} straight through the driver.
     */
    public void append(String sessionId, SessionTurn turn, SessionContext context) {
        var result = mongo.execute(documents.collection(),
                sessions -> sessions.updateOne(Filters.eq("_id", sessionId), documents.turnAppended(turn, context)));
        if (result.getMatchedCount() == 0) {
            throw new IllegalStateException("Session " + sessionId + " vanished while a turn was being stored");
        }
    }

    /**
     * Stores a conversation from {@link #start} with its first turn: one insert of the whole document. The language
     * model's memory of this turn ({@link #replaceLlmMemory}) may have created the document a moment earlier; then
     * the insert meets its id, and one upsert adds the turn instead (owner and channel set, not set-on-insert, and the
     * creation time the earlier one). Why not always that upsert: an insert skips mapping an update and applying it
     * to a looked-up document; in the load benchmark, where every turn starts a conversation, the server's CPU per
     * turn fell by a tenth (0.42-0.44 to 0.37-0.41 ms). Most conversations start without a language model.
     */
    public void appendFirst(ChatSession session, SessionTurn turn, SessionContext context) {
        try {
            Document first = documents.session(new ChatSession(session.id(), session.userId(), session.channel(),
                    session.createdAt(), turn.at(), List.of(turn), context));
            mongo.execute(documents.collection(), sessions -> sessions.insertOne(first));
        } catch (DuplicateKeyException startedByTheLanguageModelsMemory) {
            mongo.upsert(Query.query(Criteria.where("id").is(session.id())),
                    turnUpdate(turn, context).set("userId", session.userId()).set("channel", session.channel())
                            .min("createdAt", session.createdAt()),
                    ChatSession.class);
        }
    }

    private static Update turnUpdate(SessionTurn turn, SessionContext context) {
        return new Update().push("turns", turn).set("context", context).set("updatedAt", turn.at());
    }

    /** Field of {@code chat_sessions} holding the language model's memory: one JSON-serialised LangChain4j message each. */
    static final String LLM_MEMORY = "llm_memory";

    /** The language model's memory of a conversation, oldest message first; empty for an unknown session. */
    public List<String> llmMemory(String sessionId) {
        Query query = Query.query(Criteria.where("_id").is(sessionId)); // raw documents: no id mapping
        query.fields().include(LLM_MEMORY);
        Document found = mongo.findOne(query, Document.class, mongo.getCollectionName(ChatSession.class));
        if (found == null || !(found.get(LLM_MEMORY) instanceof List<?> messages)) {
            return List.of();
        }
        return messages.stream().map(String::valueOf).toList();
    }

    /** Replaces the language model's memory with one atomic {@code $set} of that field only (turns and context untouched). */
    public void replaceLlmMemory(String sessionId, List<String> messages) {
        // an upsert: during a conversation's first turn the session is not stored yet (see appendFirst)
        mongo.upsert(Query.query(Criteria.where("id").is(sessionId)),
                new Update().set(LLM_MEMORY, List.copyOf(messages)), ChatSession.class);
    }
}
