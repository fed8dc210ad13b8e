package io.echotune.bot.llm;

import dev.langchain4j.data.message.ChatMessage;
import dev.langchain4j.data.message.ChatMessageDeserializer;
import dev.langchain4j.data.message.ChatMessageSerializer;
import dev.langchain4j.data.message.SystemMessage;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.memory.chat.MessageWindowChatMemory;
import dev.langchain4j.store.memory.chat.ChatMemoryStore;
import io.echotune.bot.sessions.ChatSessions;

import java.util.ArrayList;
import java.util.List;

/**
 * The language model's memory of each conversation, kept in its {@code chat_sessions} document (field
 * {@code llm_memory}) so that a restart, or another server instance, continues the conversation. The memory
 * id is the session id.
 */
final class SessionMemoryStore implements ChatMemoryStore {

    private final ChatSessions sessions;
    private final int maxMessages;

    SessionMemoryStore(ChatSessions sessions, int maxMessages) {
        this.sessions = sessions;
        this.maxMessages = maxMessages;
    }

    @Override
    public List<ChatMessage> getMessages(Object memoryId) {
        return sessions.llmMemory(memoryId.toString()).stream().map(ChatMessageDeserializer::messageFromJson).toList();
    }

    @Override
    public void updateMessages(Object memoryId, List<ChatMessage> messages) {
        sessions.replaceLlmMemory(memoryId.toString(), startingWithUser(messages).stream().map(ChatMessageSerializer::messageToJson).toList());
    }

    /**
     * The messages with anything the window left between the system message and the first user message
     * dropped: an answer or tool result whose question was evicted means nothing, and Gemini rejects a
     * conversation that opens with the model.
     */
    static List<ChatMessage> startingWithUser(List<ChatMessage> messages) {
        List<ChatMessage> kept = new ArrayList<>();
        boolean seenUser = false;
        for (ChatMessage m : messages) {
            if (m instanceof UserMessage) {
                seenUser = true;
            }
            if (seenUser || m instanceof SystemMessage) {
                kept.add(m);
            }
        }
        return kept;
    }

    @Override
    public void deleteMessages(Object memoryId) {
        sessions.replaceLlmMemory(memoryId.toString(), List.of());
    }

    /** A windowed memory over this store: the system message stays first, the oldest turns drop out. */
    MessageWindowChatMemory memory(Object sessionId) {
        return MessageWindowChatMemory.builder()
                .id(sessionId)
                .maxMessages(maxMessages)
                .alwaysKeepSystemMessageFirst(true)
                .chatMemoryStore(this)
                .build();
    }
}
