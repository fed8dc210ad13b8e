package io.echotune.bot.llm;

import dev.langchain4j.exception.HttpException;
import dev.langchain4j.exception.InternalServerException;
import dev.langchain4j.exception.InvalidRequestException;
import dev.langchain4j.exception.RateLimitException;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Which provider a configuration selects, and how passing failures are told from lasting ones. */
class LanguageModelsTest {

    private static LlmProperties props(String provider, String openAiKey, String openAiUrl, String geminiKey, String project) {
        return new LlmProperties(provider, Duration.ofSeconds(5), Duration.ofSeconds(2), 6, 30, true,
                new LlmProperties.OpenAi(openAiKey, "gpt-4o-mini", openAiUrl),
                new LlmProperties.Gemini(geminiKey, "gemini-2.5-flash", null),
                new LlmProperties.Vertex(project, "us-central1", "gemini-2.5-flash"),
                new LlmProperties.Ollama(null, "llama3.1"));
    }

    @Test
    void nothingConfiguredMeansTheRulePlanner() {
        assertThat(props("auto", null, null, null, null).selectedProvider()).isEmpty();
        assertThat(props("auto", " ", "", null, null).selectedProvider()).isEmpty();
        assertThat(LanguageModels.from(props("auto", null, null, null, null))).isEmpty();
        assertThat(props("none", "sk-x", null, null, null).selectedProvider()).isEmpty();
    }

    @Test
    void autoPicksOpenAiThenGeminiThenVertex() {
        assertThat(props("auto", "sk-x", null, "g", "p").selectedProvider()).contains("openai");
        assertThat(props("auto", null, null, "g", "p").selectedProvider()).contains("gemini");
        assertThat(props("auto", null, null, null, "p").selectedProvider()).contains("vertex");
        assertThat(props("gemini", "sk-x", null, "g", null).selectedProvider()).contains("gemini");
    }

    @Test
    void ollamasNativeApiIsChosenLastByAuto() {
        LlmProperties onlyOllama = new LlmProperties("auto", Duration.ofSeconds(5), Duration.ofSeconds(2), 6, 30, true,
                new LlmProperties.OpenAi(null, "gpt-4o-mini", null), new LlmProperties.Gemini(null, "gemini-2.5-flash", null),
                new LlmProperties.Vertex(null, "us-central1", "gemini-2.5-flash"), new LlmProperties.Ollama("http://127.0.0.1:11434", "llama3.1"));
        assertThat(onlyOllama.selectedProvider()).contains("ollama");
        assertThat(LanguageModels.from(onlyOllama).orElseThrow().provider()).isEqualTo("ollama");
    }

    @Test
    void aLocalOpenAiCompatibleServerNeedsNoKey() {
        Optional<LanguageModels> models = LanguageModels.from(props("auto", null, "http://127.0.0.1:11434/v1", null, null));
        assertThat(models).isPresent();
        assertThat(models.get().provider()).isEqualTo("openai");
        assertThat(models.get().streaming()).isPresent();
    }

    @Test
    void aMisconfiguredProviderFailsAtStartWithTheSettingToFix() {
        assertThatThrownBy(() -> props("claude", null, null, null, null).selectedProvider())
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("echotune.llm.provider");
        assertThatThrownBy(() -> LanguageModels.from(props("gemini", null, null, null, null)))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("GEMINI_API_KEY");
        assertThatThrownBy(() -> LanguageModels.from(props("vertex", null, null, null, null)))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("GOOGLE_CLOUD_PROJECT");
    }

    @Test
    void vertexIsWiredBehindTheSameInterface() {
        // builds the gRPC client only; no call is made, so no Google credentials are needed here
        LanguageModels models = LanguageModels.from(props("vertex", null, null, null, "echotune-test")).orElseThrow();
        assertThat(models.provider()).isEqualTo("vertex");
        assertThat(models.chat()).isInstanceOf(RetryingChatModel.class);
        assertThat(models.streaming()).isPresent();
    }

    @Test
    void timeoutsRateLimitsServerErrorsAndDroppedConnectionsArePassingFailures() {
        assertThat(ProviderRetry.isPassing(new RateLimitException("429"))).isTrue();
        assertThat(ProviderRetry.isPassing(new InternalServerException("500"))).isTrue();
        assertThat(ProviderRetry.isPassing(new dev.langchain4j.exception.TimeoutException("slow"))).isTrue();
        assertThat(ProviderRetry.isPassing(new RuntimeException(new IOException("connection reset")))).isTrue();
        assertThat(ProviderRetry.isPassing(new HttpException(503, "unavailable"))).isTrue();
        assertThat(ProviderRetry.isPassing(new HttpException(400, "bad"))).isFalse();
        assertThat(ProviderRetry.isPassing(new InvalidRequestException("bad"))).isFalse();
        assertThat(ProviderRetry.isPassing(new IllegalArgumentException("bug"))).isFalse();
    }

    @Test
    void retriesBackOffAndStopAtTheBudget() {
        ProviderRetry retry = new ProviderRetry(Duration.ofMillis(700));
        AtomicInteger attempts = new AtomicInteger();
        long start = System.nanoTime();
        assertThatThrownBy(() -> retry.call(() -> {
            attempts.incrementAndGet();
            throw new RateLimitException("429");
        })).isInstanceOf(RateLimitException.class);
        // 0 ms, +200 ms, +400 ms; the next wait (800 ms) would pass the budget
        assertThat(attempts.get()).isEqualTo(3);
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofMillis(700));
        assertThat(ProviderRetry.backoff(0)).isEqualTo(Duration.ofMillis(200));
        assertThat(ProviderRetry.backoff(10)).isEqualTo(Duration.ofSeconds(4));

        AtomicInteger once = new AtomicInteger();
        assertThat(retry.call(() -> {
            if (once.incrementAndGet() == 1) throw new InternalServerException("500");
            return "ok";
        })).isEqualTo("ok");
    }
}
