package io.echotune.recommender.retrain;

import java.time.Clock;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Predicate;

/**
 * Holds the model that serves requests and swaps in a retrained one atomically. When training
 * fails or the new model is rejected by the acceptance check, the last good model stays.
 *
 * @param <M> the model type (e.g. a HybridRecommender)
 */
public final class ModelHolder<M> {

    /** What the last retraining attempt did. */
    public record Outcome(boolean swapped, Instant at, Optional<String> failure) {
    }

    private final AtomicReference<Versioned<M>> current = new AtomicReference<>();
    private final ReentrantLock training = new ReentrantLock();
    private final Clock clock;
    private volatile Outcome lastOutcome;

    public ModelHolder() {
        this(Clock.systemUTC());
    }

    public ModelHolder(Clock clock) {
        this.clock = clock;
    }

    public ModelHolder(M initial) {
        this();
        current.set(new Versioned<>(Objects.requireNonNull(initial), 1, clock.instant()));
    }

    /** The serving model, if one was ever loaded. */
    public Optional<M> current() {
        Versioned<M> v = current.get();
        return v == null ? Optional.empty() : Optional.of(v.model);
    }

    /** Increases by one on every successful swap; 0 before the first model. */
    public long version() {
        Versioned<M> v = current.get();
        return v == null ? 0 : v.version;
    }

    public Optional<Outcome> lastOutcome() {
        return Optional.ofNullable(lastOutcome);
    }

    /**
     * Trains a new model and swaps it in if training succeeds and {@code accept} passes. One
     * retraining runs at a time; a concurrent call returns at once without training.
     */
    public Outcome retrain(Callable<? extends M> trainer, Predicate<? super M> accept) {
        if (!training.tryLock()) {
            return new Outcome(false, clock.instant(), Optional.of("a retraining is already running"));
        }
        try {
            M next;
            try {
                next = trainer.call();
            } catch (Exception | Error e) {
                if (e instanceof InterruptedException) {
                    Thread.currentThread().interrupt();
                }
                if (e instanceof VirtualMachineError vme) {
                    throw vme;
                }
                return record(new Outcome(false, clock.instant(), Optional.of("training failed: " + e)));
            }
            if (next == null) {
                return record(new Outcome(false, clock.instant(), Optional.of("training returned no model")));
            }
            if (!accept.test(next)) {
                return record(new Outcome(false, clock.instant(), Optional.of("new model rejected by the acceptance check")));
            }
            swap(next);
            return record(new Outcome(true, clock.instant(), Optional.empty()));
        } finally {
            training.unlock();
        }
    }

    public Outcome retrain(Callable<? extends M> trainer) {
        return retrain(trainer, m -> true);
    }

    /** Replaces the serving model unconditionally (e.g. at start-up from a model file). */
    public void swap(M model) {
        Objects.requireNonNull(model);
        current.updateAndGet(old -> new Versioned<>(model, old == null ? 1 : old.version + 1, clock.instant()));
    }

    private Outcome record(Outcome o) {
        lastOutcome = o;
        return o;
    }

    private record Versioned<M>(M model, long version, Instant since) {
    }
}
