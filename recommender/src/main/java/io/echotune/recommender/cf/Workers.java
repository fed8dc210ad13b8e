package io.echotune.recommender.cf;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;

/** Waiting for the parallel parts of a training step, the same way in every trainer. */
final class Workers {

    private Workers() {
    }

    /**
     * Each part's result in submission order, once all have finished. An interrupt is kept on the thread and reported
     * as {@code interrupted}; a part that threw is reported as {@code failed} with its own exception as the cause.
     */
    static <T> List<T> join(List<? extends Future<? extends T>> parts, String interrupted, String failed) {
        List<T> results = new ArrayList<>(parts.size());
        for (Future<? extends T> part : parts) {
            try {
                results.add(part.get());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(interrupted, e);
            } catch (ExecutionException e) {
                throw new IllegalStateException(failed, e.getCause());
            }
        }
        return results;
    }
}
