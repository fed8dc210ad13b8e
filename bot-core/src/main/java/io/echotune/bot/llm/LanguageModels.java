package io.echotune.bot.llm;

import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.listener.ChatModelListener;
import dev.langchain4j.model.chat.StreamingChatModel;
import dev.langchain4j.model.googleai.GoogleAiGeminiChatModel;
import dev.langchain4j.model.googleai.GoogleAiGeminiStreamingChatModel;
import dev.langchain4j.model.ollama.OllamaChatModel;
import dev.langchain4j.model.ollama.OllamaStreamingChatModel;
import dev.langchain4j.model.openai.OpenAiChatModel;
import dev.langchain4j.model.openai.OpenAiStreamingChatModel;
import dev.langchain4j.model.vertexai.gemini.VertexAiGeminiChatModel;
import dev.langchain4j.model.vertexai.gemini.VertexAiGeminiStreamingChatModel;

import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * The language model a provider configuration names, as LangChain4j's provider-neutral {@link ChatModel} and
 * {@link StreamingChatModel}. This is the only class that knows the provider modules: swapping one (the
 * Vertex AI module's SDK is announced to end in 2026) changes nothing else.
 *
 * <p>The providers' own retries are switched off: {@link ProviderRetry} retries within one time budget.
 */
public record LanguageModels(String provider, ChatModel chat, Optional<StreamingChatModel> streaming) {

    /** What OpenAI-compatible local servers (Ollama, vLLM, LM Studio) get as a key when none is set; they ignore it. */
    static final String NO_KEY = "not-needed";

    public LanguageModels {
        streaming = streaming == null ? Optional.empty() : streaming;
    }

    /** The configured provider's models with retries, or empty when none is configured (the RulePlanner answers). */
    public static Optional<LanguageModels> from(LlmProperties properties) {
        return from(properties, provider -> List.of());
    }

    /**
     * As {@link #from(LlmProperties)}, with listeners (e.g. metrics) on every call to the provider; {@code listeners}
     * gets the provider's name.
     */
    public static Optional<LanguageModels> from(LlmProperties properties, Function<String, List<ChatModelListener>> listeners) {
        ProviderRetry retry = new ProviderRetry(properties.retryBudget());
        return properties.selectedProvider().map(provider -> {
            List<ChatModelListener> l = listeners.apply(provider);
            LanguageModels raw = switch (provider) {
                case "openai" -> openAi(properties, l);
                case "gemini" -> gemini(properties, l);
                case "vertex" -> vertex(properties, l);
                case "ollama" -> ollama(properties, l);
                default -> throw new IllegalStateException("Unknown provider " + provider);
            };
            return new LanguageModels(provider, new RetryingChatModel(raw.chat(), retry),
                    raw.streaming().filter(s -> properties.streaming()).map(s -> new RetryingStreamingChatModel(s, retry)));
        });
    }

    private static LanguageModels openAi(LlmProperties p, List<ChatModelListener> listeners) {
        LlmProperties.OpenAi o = p.openai();
        String key = LlmProperties.present(o.apiKey()) ? o.apiKey() : NO_KEY;
        String baseUrl = LlmProperties.present(o.baseUrl()) ? o.baseUrl().strip() : null;
        ChatModel chat = OpenAiChatModel.builder()
                .apiKey(key).baseUrl(baseUrl).modelName(o.model())
                .timeout(p.timeout()).maxRetries(0)
                .listeners(listeners)
                .build();
        StreamingChatModel streaming = OpenAiStreamingChatModel.builder()
                .apiKey(key).baseUrl(baseUrl).modelName(o.model())
                .timeout(p.timeout())
                .listeners(listeners)
                .build();
        return new LanguageModels("openai", chat, Optional.of(streaming));
    }

    private static LanguageModels gemini(LlmProperties p, List<ChatModelListener> listeners) {
        LlmProperties.Gemini g = p.gemini();
        requireSet(g.apiKey(), "GEMINI_API_KEY (echotune.llm.gemini.api-key)");
        String baseUrl = LlmProperties.present(g.baseUrl()) ? g.baseUrl().strip() : null;
        ChatModel chat = GoogleAiGeminiChatModel.builder()
                .apiKey(g.apiKey()).baseUrl(baseUrl).modelName(g.model())
                .timeout(p.timeout()).maxRetries(0)
                .listeners(listeners)
                .build();
        StreamingChatModel streaming = GoogleAiGeminiStreamingChatModel.builder()
                .apiKey(g.apiKey()).baseUrl(baseUrl).modelName(g.model())
                .timeout(p.timeout())
                .listeners(listeners)
                .build();
        return new LanguageModels("gemini", chat, Optional.of(streaming));
    }

    private static LanguageModels vertex(LlmProperties p, List<ChatModelListener> listeners) {
        LlmProperties.Vertex v = p.vertex();
        requireSet(v.project(), "GOOGLE_CLOUD_PROJECT (echotune.llm.vertex.project)");
        // gRPC with Google application-default credentials (GOOGLE_APPLICATION_CREDENTIALS or the platform's identity)
        ChatModel chat = VertexAiGeminiChatModel.builder()
                .project(v.project()).location(v.location()).modelName(v.model())
                .maxRetries(0)
                .listeners(listeners)
                .build();
        StreamingChatModel streaming = VertexAiGeminiStreamingChatModel.builder()
                .project(v.project()).location(v.location()).modelName(v.model())
                .listeners(listeners)
                .build();
        return new LanguageModels("vertex", chat, Optional.of(streaming));
    }

    private static LanguageModels ollama(LlmProperties p, List<ChatModelListener> listeners) {
        LlmProperties.Ollama o = p.ollama();
        requireSet(o.baseUrl(), "OLLAMA_BASE_URL (echotune.llm.ollama.base-url)");
        ChatModel chat = OllamaChatModel.builder()
                .baseUrl(o.baseUrl().strip()).modelName(o.model())
                .timeout(p.timeout()).maxRetries(0)
                .listeners(listeners)
                .build();
        StreamingChatModel streaming = OllamaStreamingChatModel.builder()
                .baseUrl(o.baseUrl().strip()).modelName(o.model())
                .timeout(p.timeout())
                .listeners(listeners)
                .build();
        return new LanguageModels("ollama", chat, Optional.of(streaming));
    }

    private static void requireSet(String value, String what) {
        if (!LlmProperties.present(value)) {
            throw new IllegalStateException(what + " must be set for this language model provider");
        }
    }
}
