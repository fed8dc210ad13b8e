package io.echotune.bot.llm;

import dev.langchain4j.model.ModelProvider;
import dev.langchain4j.model.chat.Capability;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.request.ChatRequestParameters;
import dev.langchain4j.model.chat.response.ChatResponse;
import io.echotune.music.turns.TurnSlots;

import java.util.Set;

/** A provider's chat model whose passing failures are retried within {@link ProviderRetry}'s budget. */
final class RetryingChatModel implements ChatModel {

    private final ChatModel delegate;
    private final ProviderRetry retry;

    RetryingChatModel(ChatModel delegate, ProviderRetry retry) {
        this.delegate = delegate;
        this.retry = retry;
    }

    @Override
    public ChatResponse chat(ChatRequest request) {
        // the model's answer is a remote wait: it does not hold one of the chat turns' slots
        try (var away = TurnSlots.away()) {
            return retry.call(() -> delegate.chat(request));
        }
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
