package io.echotune.bot.llm;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;
import java.util.Optional;

/**
 * Which language model plans the turns ({@code echotune.llm.*}, mapped from environment variables in
 * application.yml). With no provider configured the offline RulePlanner answers.
 *
 * @param provider        {@code auto} (the first configured of OpenAI, Gemini API, Vertex AI, Ollama), or one
 *                        of {@code openai}, {@code gemini}, {@code vertex}, {@code ollama}, {@code none}
 * @param timeout         one request to the provider
 * @param retryBudget     total time a turn may spend retrying timeouts, 429s and 5xx before the RulePlanner answers
 * @param maxToolCalls    tool calls per turn; past it the model must answer with what it has
 * @param memoryMessages  messages of a conversation kept in the model's memory (older ones are dropped)
 * @param streaming       stream tokens to channels that show them; off for servers that cannot stream tool calls
 */
@ConfigurationProperties("echotune.llm")
public record LlmProperties(
        @DefaultValue("auto") String provider,
        @DefaultValue("20s") Duration timeout,
        @DefaultValue("10s") Duration retryBudget,
        @DefaultValue("6") int maxToolCalls,
        @DefaultValue("30") int memoryMessages,
        @DefaultValue("true") boolean streaming,
        @DefaultValue OpenAi openai,
        @DefaultValue Gemini gemini,
        @DefaultValue Vertex vertex,
        @DefaultValue Ollama ollama) {

    /**
     * OpenAI or any OpenAI-compatible server (Ollama, vLLM, LM Studio). A base URL alone is enough: local
     * servers need no key.
     */
    public record OpenAi(String apiKey, @DefaultValue("gpt-4o-mini") String model, String baseUrl) {
        boolean configured() {
            return present(apiKey) || present(baseUrl);
        }
    }

    /** Google Gemini through its HTTP API with an API key; the base URL is for proxies and tests. */
    public record Gemini(String apiKey, @DefaultValue("gemini-2.5-flash") String model, String baseUrl) {
        boolean configured() {
            return present(apiKey);
        }
    }

    /** Gemini on Vertex AI (gRPC, Google application-default credentials). */
    public record Vertex(String project, @DefaultValue("us-central1") String location,
                         @DefaultValue("gemini-2.5-flash") String model) {
        boolean configured() {
            return present(project);
        }
    }

    /** Ollama's native API ({@code /api/chat}); its OpenAI-compatible endpoint works through {@link OpenAi} too. */
    public record Ollama(String baseUrl, @DefaultValue("llama3.1") String model) {
        boolean configured() {
            return present(baseUrl);
        }
    }

    /** The provider that will answer, or empty for the RulePlanner. */
    public Optional<String> selectedProvider() {
        String wanted = provider == null ? "auto" : provider.strip().toLowerCase();
        return switch (wanted) {
            case "none", "rules", "" -> Optional.empty();
            case "openai", "gemini", "vertex", "ollama" -> Optional.of(wanted);
            case "auto" -> openai.configured() ? Optional.of("openai")
                    : gemini.configured() ? Optional.of("gemini")
                    : vertex.configured() ? Optional.of("vertex")
                    : ollama.configured() ? Optional.of("ollama")
                    : Optional.empty();
            default -> throw new IllegalStateException("echotune.llm.provider must be auto, openai, gemini, vertex, ollama or none, not '" + provider + "'");
        };
    }

    static boolean present(String value) {
        return value != null && !value.isBlank();
    }
}
