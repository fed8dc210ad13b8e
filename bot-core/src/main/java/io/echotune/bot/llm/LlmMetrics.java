package io.echotune.bot.llm;

import dev.langchain4j.model.chat.listener.ChatModelErrorContext;
import dev.langchain4j.model.chat.listener.ChatModelListener;
import dev.langchain4j.model.chat.listener.ChatModelResponseContext;
import dev.langchain4j.model.output.TokenUsage;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * What the language model costs and how often it fails, per provider: {@code echotune.llm.tokens{provider,kind}}
 * (kind = input | output), {@code echotune.llm.calls{provider}} and {@code echotune.llm.errors{provider,error}}.
 * Every attempt counts, retried ones included, since each is billed and each failure is worth seeing.
 */
final class LlmMetrics implements ChatModelListener {

    private final MeterRegistry meters;
    private final String provider;

    LlmMetrics(MeterRegistry meters, String provider) {
        this.meters = meters;
        this.provider = provider;
    }

    @Override
    public void onResponse(ChatModelResponseContext context) {
        meters.counter("echotune.llm.calls", "provider", provider).increment();
        TokenUsage usage = context.chatResponse().tokenUsage();
        if (usage == null) {
            return; // some servers (e.g. local ones) report no usage
        }
        if (usage.inputTokenCount() != null) {
            meters.counter("echotune.llm.tokens", "provider", provider, "kind", "input").increment(usage.inputTokenCount());
        }
        if (usage.outputTokenCount() != null) {
            meters.counter("echotune.llm.tokens", "provider", provider, "kind", "output").increment(usage.outputTokenCount());
        }
    }

    @Override
    public void onError(ChatModelErrorContext context) {
        meters.counter("echotune.llm.errors", "provider", provider, "error", context.error().getClass().getSimpleName()).increment();
    }
}
