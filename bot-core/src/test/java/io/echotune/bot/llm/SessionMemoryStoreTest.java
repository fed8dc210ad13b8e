package io.echotune.bot.llm;

import dev.langchain4j.agent.tool.ToolExecutionRequest;
import dev.langchain4j.data.message.AiMessage;
import dev.langchain4j.data.message.ChatMessage;
import dev.langchain4j.data.message.SystemMessage;
import dev.langchain4j.data.message.ToolExecutionResultMessage;
import dev.langchain4j.data.message.UserMessage;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** What the stored memory may start with once the window has dropped older messages. */
class SessionMemoryStoreTest {

    @Test
    void answersWhoseQuestionWasDroppedAreDroppedToo() {
        ToolExecutionRequest call = ToolExecutionRequest.builder().id("c1").name("search_tracks").arguments("{}").build();
        List<ChatMessage> windowed = List.of(
                SystemMessage.from("rules"),
                AiMessage.from(List.of(call)),
                ToolExecutionResultMessage.from(call, "[]"),
                AiMessage.from("Here you go."),
                UserMessage.from("thanks! another one?"),
                AiMessage.from("Sure."));

        assertThat(SessionMemoryStore.startingWithUser(windowed)).containsExactly(
                SystemMessage.from("rules"), UserMessage.from("thanks! another one?"), AiMessage.from("Sure."));
    }

    @Test
    void aWellFormedConversationIsKeptWhole() {
        List<ChatMessage> conversation = List.of(SystemMessage.from("rules"), UserMessage.from("hi"), AiMessage.from("hello"));
        assertThat(SessionMemoryStore.startingWithUser(conversation)).isEqualTo(conversation);
        assertThat(SessionMemoryStore.startingWithUser(List.of())).isEmpty();
    }
}
