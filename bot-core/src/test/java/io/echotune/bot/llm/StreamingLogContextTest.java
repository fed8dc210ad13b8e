package io.echotune.bot.llm;

import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.langchain4j.model.chat.response.StreamingChatResponseHandler;
import dev.langchain4j.model.openai.OpenAiStreamingChatModel;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.slf4j.MDC;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import static io.echotune.bot.llm.OpenAiScript.streamedText;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A streamed reply arrives on the HTTP client's threads (and, after a failed first attempt, on a retry thread); the
 * turn's correlation id must be in the logging context of every callback, where LangChain4j also runs the tools.
 */
class StreamingLogContextTest {

    private final FakeModelServer server = new FakeModelServer();

    @AfterEach
    void stop() {
        server.close();
        MDC.clear();
    }

    @Test
    void everyCallbackOfAStreamedAndRetriedReplySeesTheTurnsCorrelationId() throws Exception {
        server.status(503).sse(streamedText("All ", "good ", "now."));
        var model = new RetryingStreamingChatModel(OpenAiStreamingChatModel.builder()
                .baseUrl(server.url("/v1")).apiKey("test-key").modelName("gpt-4o-mini").timeout(Duration.ofSeconds(5)).build(),
                new ProviderRetry(Duration.ofSeconds(5)));
        List<String> seen = new CopyOnWriteArrayList<>();
        List<Thread> threads = new CopyOnWriteArrayList<>();
        CompletableFuture<ChatResponse> done = new CompletableFuture<>();

        MDC.put("correlationId", "turn-42");
        model.chat(ChatRequest.builder().messages(UserMessage.from("hi")).build(), new StreamingChatResponseHandler() {
            @Override
            public void onPartialResponse(String token) {
                seen.add(MDC.get("correlationId"));
                threads.add(Thread.currentThread());
            }

            @Override
            public void onCompleteResponse(ChatResponse response) {
                seen.add(MDC.get("correlationId"));
                done.complete(response);
            }

            @Override
            public void onError(Throwable error) {
                done.completeExceptionally(error);
            }
        });
        MDC.remove("correlationId"); // the request thread moves on; the stream must not depend on it

        assertThat(done.get(10, TimeUnit.SECONDS).aiMessage().text()).isEqualTo("All good now.");
        assertThat(server.received()).hasSize(2); // the 503, then the stream
        assertThat(seen).hasSize(4).containsOnly("turn-42");
        assertThat(threads).doesNotContain(Thread.currentThread());
    }
}
