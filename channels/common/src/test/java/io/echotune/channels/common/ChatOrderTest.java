package io.echotune.channels.common;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

class ChatOrderTest {

    @Test
    void keepsEachChatsOrderAndAFailingUpdateDoesNotStopTheNext() throws Exception {
        List<String> done = new CopyOnWriteArrayList<>();
        try (ChatOrder order = new ChatOrder()) {
            order.submit("a", () -> {
                sleep(100);
                done.add("a1");
            });
            order.submit("a", () -> {
                throw new IllegalStateException("a broken update");
            });
            order.submit("b", () -> done.add("b1"));
            order.submit("a", () -> done.add("a2")).get(5, TimeUnit.SECONDS);
        }
        assertThat(done).containsSubsequence("a1", "a2").contains("b1");
        assertThat(done.indexOf("b1")).as("another chat is not held up by a slow one").isLessThan(done.indexOf("a1"));
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
