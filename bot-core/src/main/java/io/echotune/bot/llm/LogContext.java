package io.echotune.bot.llm;

import org.slf4j.MDC;

import java.util.Map;

/**
 * The logging context (MDC: the turn's correlation id) of the thread that started a model call, carried to the
 * threads its streamed reply arrives on. The provider's HTTP client calls back on its own threads, and LangChain4j runs
 * the tools a streamed reply asks for inside those callbacks; without this, their log lines would lose the turn's id.
 */
final class LogContext {

    private final Map<String, String> captured;

    private LogContext(Map<String, String> captured) {
        this.captured = captured;
    }

    /** The calling thread's context, as it is now. */
    static LogContext capture() {
        return new LogContext(MDC.getCopyOfContextMap());
    }

    /** Runs {@code action} with the captured context, then puts back the thread's own (pooled threads are reused). */
    void run(Runnable action) {
        Map<String, String> own = MDC.getCopyOfContextMap();
        set(captured);
        try {
            action.run();
        } finally {
            set(own);
        }
    }

    private static void set(Map<String, String> context) {
        if (context == null) {
            MDC.clear();
        } else {
            MDC.setContextMap(context);
        }
    }
}
