package io.echotune.music.turns;

import java.util.concurrent.Semaphore;
import java.util.function.Supplier;

/**
 * How many chat turns compute at once; the others wait in line, first come first served.
 *
 * <p>Every turn runs on its own virtual thread. Unbounded, a hundred turns share two cores: at every step (each
 * database round trip, each hand-over between threads) a turn queues behind all the others again, and the unlucky
 * ones queue many times. In the load benchmark p99 was four to five times the median. With a few slots, a turn waits
 * once, in line, and then runs nearly alone: at 100 connections on 2 cores, 4 slots cut p99 from 82–135 ms to
 * 49–58 ms, for 10–13 % fewer turns per second (handing a slot over wakes a waiting thread).
 *
 * <p>A turn gives its slot back while it waits on a remote service ({@link #away}): a language model thinking, or
 * Spotify's Retry-After, must not hold up other people's turns. Coming back, it queues like a new turn.
 */
public final class TurnSlots {

    private static final ThreadLocal<TurnSlots> HELD = new ThreadLocal<>();
    /** Returned when the current thread holds no slot: nothing to give back. */
    private static final Away NOT_HOLDING = () -> { };

    private final Semaphore slots;
    private final int size;

    public TurnSlots(int size) {
        if (size < 1) {
            throw new IllegalArgumentException("A turn needs at least one slot, got " + size);
        }
        this.size = size;
        this.slots = new Semaphore(size, true);
    }

    /** Runs a turn in a slot, waiting in line for one; a turn started from inside a turn uses the slot it is in. */
    public <T> T run(Supplier<T> turn) {
        if (HELD.get() != null) {
            return turn.get();
        }
        slots.acquireUninterruptibly();
        HELD.set(this);
        try {
            return turn.get();
        } finally {
            HELD.remove();
            slots.release();
        }
    }

    /**
     * Gives the current turn's slot back until the returned {@link Away} is closed, for a call to a remote service:
     * {@code try (var away = TurnSlots.away()) { ... }}. Outside a turn (or already away) it does nothing.
     */
    public static Away away() {
        TurnSlots held = HELD.get();
        if (held == null) {
            return NOT_HOLDING;
        }
        HELD.remove();
        held.slots.release();
        return () -> {
            held.slots.acquireUninterruptibly();
            HELD.set(held);
        };
    }

    public int size() {
        return size;
    }

    /** Turns waiting in line for a slot (an estimate, for the metrics). */
    public int waiting() {
        return slots.getQueueLength();
    }

    /** A turn away from its slot; closing it waits in line for a slot again. */
    @FunctionalInterface
    public interface Away extends AutoCloseable {
        @Override
        void close();
    }
}
