package io.echotune.channels.common;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Runs platform updates off the platform's own thread (a slow turn must not stall polling or the gateway), one
 * after another per chat so a conversation keeps its order, and chats in parallel on virtual threads. A failing
 * task is logged and never stops the ones behind it.
 */
@Component
public class ChatOrder implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(ChatOrder.class);

    private final ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();
    private final ConcurrentMap<String, CompletableFuture<Void>> tails = new ConcurrentHashMap<>();

    public CompletableFuture<Void> submit(String chat, Runnable task) {
        CompletableFuture<Void>[] mine = new CompletableFuture[1];
        tails.compute(chat, (key, tail) -> {
            CompletableFuture<Void> previous = tail == null ? CompletableFuture.completedFuture(null) : tail;
            mine[0] = previous.thenRunAsync(() -> {
                try {
                    task.run();
                } catch (RuntimeException | Error e) {
                    log.error("An update of chat {} failed; the bot carries on", chat, e);
                }
            }, executor);
            return mine[0];
        });
        // forget the chat once its queue is empty, so the map does not grow with every chat ever seen
        mine[0].whenComplete((ok, failed) -> tails.remove(chat, mine[0]));
        return mine[0];
    }

    @Override
    public void close() {
        executor.shutdown();
    }
}
