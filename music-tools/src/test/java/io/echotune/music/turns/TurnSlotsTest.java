package io.echotune.music.turns;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TurnSlotsTest {

    @Test
    void noMoreTurnsComputeAtOnceThanThereAreSlots() throws Exception {
        TurnSlots slots = new TurnSlots(2);
        AtomicInteger running = new AtomicInteger();
        AtomicInteger most = new AtomicInteger();
        List<Thread> turns = new CopyOnWriteArrayList<>();
        for (int i = 0; i < 12; i++) {
            turns.add(Thread.ofVirtual().start(() -> slots.run(() -> {
                most.accumulateAndGet(running.incrementAndGet(), Math::max);
                sleep(5);
                return running.decrementAndGet();
            })));
        }
        joinAll(turns);
        assertThat(most.get()).isEqualTo(2);
        assertThat(slots.waiting()).isZero();
    }

    @Test
    void turnsWaitingForASlotAreServedInArrivalOrder() throws Exception {
        TurnSlots slots = new TurnSlots(1);
        CountDownLatch holds = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        List<String> served = new CopyOnWriteArrayList<>();
        Thread first = Thread.ofVirtual().start(() -> slots.run(() -> {
            holds.countDown();
            return await(release);
        }));
        // only once the first turn is in the slot: otherwise "turn 1" could take the free slot before it
        assertThat(holds.await(10, TimeUnit.SECONDS)).isTrue();
        List<Thread> later = new CopyOnWriteArrayList<>();
        for (int i = 1; i <= 5; i++) {
            String name = "turn " + i;
            later.add(Thread.ofVirtual().start(() -> slots.run(() -> served.add(name))));
            awaitWaiting(slots, i); // the next one arrives only once this one is in line
        }
        release.countDown();
        first.join(10_000);
        joinAll(later);
        assertThat(served).containsExactly("turn 1", "turn 2", "turn 3", "turn 4", "turn 5");
    }

    @Test
    void aTurnWaitingOnARemoteServiceLetsOthersUseItsSlot() throws Exception {
        TurnSlots slots = new TurnSlots(1);
        CountDownLatch remoteAnswers = new CountDownLatch(1);
        CountDownLatch isAway = new CountDownLatch(1);
        AtomicInteger inSlotAfterwards = new AtomicInteger();
        Thread waiting = Thread.ofVirtual().start(() -> slots.run(() -> {
            try (var away = TurnSlots.away()) {
                isAway.countDown();
                await(remoteAnswers);
            }
            // back in a slot (after the other turn below): the turn goes on to its end
            return inSlotAfterwards.incrementAndGet();
        }));
        assertThat(isAway.await(10, TimeUnit.SECONDS)).isTrue();

        // with the only slot given back, another turn runs to its end while the first one still waits
        Thread other = Thread.ofVirtual().start(() -> slots.run(() -> "answered"));
        other.join(10_000);
        assertThat(other.isAlive()).as("the other turn is not held up").isFalse();
        assertThat(waiting.isAlive()).isTrue();

        remoteAnswers.countDown();
        waiting.join(10_000);
        assertThat(inSlotAfterwards.get()).isEqualTo(1);
        assertThat(slots.waiting()).isZero();
    }

    @Test
    void awayOutsideATurnOrWhenAlreadyAwayGivesNothingBack() throws Exception {
        TurnSlots slots = new TurnSlots(1);
        try (var away = TurnSlots.away()) {
            assertThat(away).isNotNull();
        }
        CountDownLatch holding = new CountDownLatch(1);
        CountDownLatch done = new CountDownLatch(1);
        Thread turn = Thread.ofVirtual().start(() -> slots.run(() -> {
            try (var away = TurnSlots.away(); var again = TurnSlots.away()) {
                assertThat(again).isNotNull();
            }
            holding.countDown();
            return await(done);
        }));
        assertThat(holding.await(10, TimeUnit.SECONDS)).isTrue();
        // the turn holds its one slot again (a second give-back would have left a spare one): a newcomer must wait
        Thread newcomer = Thread.ofVirtual().start(() -> slots.run(() -> "late"));
        awaitWaiting(slots, 1);
        assertThat(newcomer.isAlive()).isTrue();
        done.countDown();
        turn.join(10_000);
        newcomer.join(10_000);
        assertThat(newcomer.isAlive()).isFalse();
    }

    @Test
    void aTurnInsideATurnUsesTheSlotItIsIn() {
        TurnSlots slots = new TurnSlots(1);
        assertThat(slots.run(() -> slots.run(() -> "nested"))).isEqualTo("nested");
    }

    @Test
    void refusesFewerThanOneSlot() {
        assertThatThrownBy(() -> new TurnSlots(0)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("at least one slot");
    }

    private static void joinAll(List<Thread> threads) throws InterruptedException {
        for (Thread thread : threads) {
            thread.join(10_000);
        }
    }

    private static void awaitWaiting(TurnSlots slots, int expected) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (slots.waiting() != expected && System.nanoTime() < deadline) {
            Thread.sleep(2);
        }
        assertThat(slots.waiting()).isEqualTo(expected);
    }

    private static boolean await(CountDownLatch latch) {
        try {
            return latch.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
