package io.echotune.bot.llm;

import dev.langchain4j.model.ModelProvider;
import dev.langchain4j.model.chat.Capability;
import dev.langchain4j.model.chat.StreamingChatModel;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.request.ChatRequestParameters;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.langchain4j.model.chat.response.CompleteToolCall;
import dev.langchain4j.model.chat.response.PartialResponse;
import dev.langchain4j.model.chat.response.PartialResponseContext;
import dev.langchain4j.model.chat.response.PartialToolCall;
import dev.langchain4j.model.chat.response.PartialToolCallContext;
import dev.langchain4j.model.chat.response.StreamingChatResponseHandler;

import java.util.Set;

/**
 * A provider's streaming model whose passing failures are retried within the budget, but only while nothing
 * has been streamed yet: once a person has seen tokens, a retry would show them twice.
 */
final class RetryingStreamingChatModel implements StreamingChatModel {

    private final StreamingChatModel delegate;
    private final ProviderRetry retry;

    RetryingStreamingChatModel(StreamingChatModel delegate, ProviderRetry retry) {
        this.delegate = delegate;
        this.retry = retry;
    }

    @Override
    public void chat(ChatRequest request, StreamingChatResponseHandler handler) {
        attempt(request, handler, retry.start(), 0, LogContext.capture());
    }

    /** Every callback runs in the caller's logging context ({@link LogContext}), whichever thread delivers it. */
    private void attempt(ChatRequest request, StreamingChatResponseHandler handler, ProviderRetry.Deadline deadline, int n,
                         LogContext log) {
        delegate.chat(request, new StreamingChatResponseHandler() {
            private volatile boolean streamed;

            @Override
            public void onPartialResponse(String partialResponse) {
                streamed = true;
                log.run(() -> handler.onPartialResponse(partialResponse));
            }

            @Override
            public void onPartialResponse(PartialResponse partialResponse, PartialResponseContext context) {
                streamed = true;
                log.run(() -> handler.onPartialResponse(partialResponse, context));
            }

            @Override
            public void onPartialToolCall(PartialToolCall partialToolCall, PartialToolCallContext context) {
                streamed = true;
                log.run(() -> handler.onPartialToolCall(partialToolCall, context));
            }

            @Override
            public void onPartialToolCall(PartialToolCall partialToolCall) {
                streamed = true;
                log.run(() -> handler.onPartialToolCall(partialToolCall));
            }

            @Override
            public void onCompleteToolCall(CompleteToolCall completeToolCall) {
                streamed = true;
                log.run(() -> handler.onCompleteToolCall(completeToolCall));
            }

            @Override
            public void onCompleteResponse(ChatResponse completeResponse) {
                log.run(() -> handler.onCompleteResponse(completeResponse));
            }

            @Override
            public void onError(Throwable error) {
                if (streamed || !ProviderRetry.isPassing(error)) {
                    log.run(() -> handler.onError(error));
                    return;
                }
                // wait out the backoff on a virtual thread, not on the HTTP client's thread that reported the error
                Thread.ofVirtual().name("llm-stream-retry").start(() -> {
                    if (deadline.waitBeforeRetry(error, n)) {
                        attempt(request, handler, deadline, n + 1, log);
                    } else {
                        log.run(() -> handler.onError(error));
                    }
                });
            }
        });
    }

    @Override
    public ChatRequestParameters defaultRequestParameters() {
        return delegate.defaultRequestParameters();
    }

    @Override
    public Set<Capability> supportedCapabilities() {
        return delegate.supportedCapabilities();
    }

    @Override
    public ModelProvider provider() {
        return delegate.provider();
    }
}
