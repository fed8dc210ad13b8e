package io.echotune.server.scaleout;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.scheduling.annotation.Scheduled;

import java.time.Instant;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * A job scheduled every second on every instance, once with a cluster lock and once without, recording each run.
 * Not a component (so no other test's context picks it up): the scale-out test adds it as a source.
 */
public class ScheduledProbe {

    record Run(String instance, Instant at) {
    }

    /** Shared by both instances of the test (one JVM): what each instance actually ran. */
    static final Queue<Run> LOCKED_RUNS = new ConcurrentLinkedQueue<>();
    static final Queue<Run> UNLOCKED_RUNS = new ConcurrentLinkedQueue<>();

    private final String instance;

    public ScheduledProbe(@Value("${scaleout.instance}") String instance) {
        this.instance = instance;
    }

    /** As a retraining job would be declared: the lock is held at least 800 ms, so the other instance's tick skips. */
    @Scheduled(cron = "* * * * * *")
    @SchedulerLock(name = "scale-out-probe", lockAtLeastFor = "PT0.8S", lockAtMostFor = "PT5S")
    public void lockedTick() {
        LOCKED_RUNS.add(new Run(instance, Instant.now()));
    }

    /** The same schedule without a lock: shows that both instances' schedulers really fire. */
    @Scheduled(cron = "* * * * * *")
    public void unlockedTick() {
        UNLOCKED_RUNS.add(new Run(instance, Instant.now()));
    }
}
