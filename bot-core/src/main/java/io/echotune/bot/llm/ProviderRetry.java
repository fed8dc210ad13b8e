package io.echotune.bot.llm;

import dev.langchain4j.exception.HttpException;
import dev.langchain4j.exception.RetriableException;

import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;

/**
 * Retries a provider call that failed for a passing reason (timeout, 429, 5xx, a dropped connection) with
 * exponential backoff, but never past a time budget: a person waiting for a reply gets the offline answer
 * rather than a spinner.
 */
final class ProviderRetry {

    private static final Duration FIRST_BACKOFF = Duration.ofMillis(200);
    private static final Duration MAX_BACKOFF = Duration.ofSeconds(4);

    private final Duration budget;

    ProviderRetry(Duration budget) {
        this.budget = budget;
    }

    /** A deadline for one model call: attempts and waits together end by then. */
    Deadline start() {
        return new Deadline(System.nanoTime() + budget.toNanos());
    }

    <T> T call(Supplier<T> attempt) {
        Deadline deadline = start();
        for (int n = 0; ; n++) {
            try {
                return attempt.get();
            } catch (RuntimeException e) {
                if (!deadline.waitBeforeRetry(e, n)) {
                    throw e;
                }
            }
        }
    }

    /** Whether a failure is worth another try: the same request may well succeed in a moment. */
    static boolean isPassing(Throwable error) {
        for (Throwable t = error; t != null; t = t.getCause()) {
            if (t instanceof RetriableException || t instanceof TimeoutException
                    || t instanceof java.net.http.HttpTimeoutException || t instanceof IOException) {
                return true;
            }
            if (t instanceof HttpException http && (http.statusCode() == 429 || http.statusCode() >= 500)) {
                return true;
            }
            if (t.getCause() == t) {
                break;
            }
        }
        return false;
    }

    static Duration backoff(int attempt) {
        long millis = FIRST_BACKOFF.toMillis() << Math.min(attempt, 10);
        return Duration.ofMillis(Math.min(millis, MAX_BACKOFF.toMillis()));
    }

    static final class Deadline {
        private final long endNanos;

        private Deadline(long endNanos) {
            this.endNanos = endNanos;
        }

        /** Sleeps the backoff and returns true when the error is passing and a retry still fits the budget. */
        boolean waitBeforeRetry(Throwable error, int attempt) {
            if (!isPassing(error)) {
                return false;
            }
            long wait = backoff(attempt).toNanos();
            if (System.nanoTime() + wait >= endNanos) {
                return false;
            }
            try {
                Thread.sleep(Duration.ofNanos(wait));
                return true;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
    }
}
