package io.echotune.music.recommend;

import com.mongodb.MongoBulkWriteException;
import com.mongodb.client.model.InsertManyOptions;
import jakarta.annotation.PreDestroy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataAccessException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Writes {@code recommendations} (what was shown, by which algorithm, with what confidence) behind the reply, in
 * batches: one thread collects what was shown for {@link #LINGER} and stores it with one unordered bulk insert.
 *
 * <p>Why not one insert per reply, as before: under load the insert was about a tenth of the server's CPU, nearly all
 * of it the per-command cost (a driver round trip, the server's command handling) that a batch pays once. A chat turn
 * does not read this log, so nothing waits for it. What that costs: a process killed outright loses what was shown in
 * its last {@link #LINGER} (a stopped server flushes first); the conversation itself ({@code chat_sessions}) is still
 * stored before every reply. While the database is unreachable the batch is retried with backoff and new records
 * queue behind it, up to {@link #CAPACITY}; beyond that a record is dropped and counted ({@link #dropped}), rather than
 * holding the heap hostage to an outage. A retried batch that was partly stored before the failure is not stored
 * twice: the ids are the records' own, and an unordered insert skips the duplicates and stores the rest.
 */
@Component
public class RecommendationLog {

    private static final Logger log = LoggerFactory.getLogger(RecommendationLog.class);
    static final Duration LINGER = Duration.ofMillis(50);
    static final int CAPACITY = 20_000;
    private static final int BATCH = 1_000;
    private static final Duration MAX_BACKOFF = Duration.ofSeconds(5);
    private static final int DUPLICATE_KEY = 11000;

    private final MongoTemplate mongo;
    private final RecommendationDocuments documents;
    private final BlockingQueue<RecommendationRecord> queue = new ArrayBlockingQueue<>(CAPACITY);
    private final AtomicLong accepted = new AtomicLong();
    private final AtomicLong dropped = new AtomicLong();
    private final AtomicLong stored = new AtomicLong();
    private final AtomicLong givenUp = new AtomicLong();
    private final Thread writer;
    private final Duration linger;
    /** Counted down by {@link #close}: ends the linger and the backoff at once (an interrupt would abort a write). */
    private final CountDownLatch closeRequested = new CountDownLatch(1);

    @Autowired
    public RecommendationLog(MongoTemplate mongo) {
        this(mongo, LINGER);
    }

    RecommendationLog(MongoTemplate mongo, Duration linger) {
        this.mongo = mongo;
        this.documents = new RecommendationDocuments(mongo.getConverter());
        this.linger = linger;
        writer = Thread.ofPlatform().name("recommendation-log").daemon().start(this::writeUntilClosed);
    }

    /** Queues what was shown; returns at once. */
    public void add(RecommendationRecord shown) {
        if (queue.offer(shown)) {
            accepted.incrementAndGet();
        } else if (dropped.incrementAndGet() % 1_000 == 1) {
            log.warn("The recommendations log is {} records behind (is the database down?): {} not stored so far",
                    CAPACITY, dropped.get());
        }
    }

    /** Records stored so far. */
    public long stored() {
        return stored.get();
    }

    /** Records dropped because the queue was full. */
    public long dropped() {
        return dropped.get();
    }

    /**
     * Waits until every record queued before this call is written (or the wait is over, or the thread is interrupted);
     * true when it is. For readers of {@code recommendations} that must see what was just shown (the MCP explain tool,
     * an account merge). A record given up (see {@link #writeUntilClosed}) counts as written, so that a flush ends.
     */
    public boolean flush(Duration wait) {
        long deadline = System.nanoTime() + wait.toNanos();
        long target = accepted.get(); // records are written in the order they were accepted
        try {
            while (stored.get() + givenUp.get() < target && System.nanoTime() < deadline) {
                Thread.sleep(2);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return stored.get() + givenUp.get() >= target;
    }

    /** The server is stopping: store what is queued (the database is closed after this bean), then stop. */
    @PreDestroy
    public void close() throws InterruptedException {
        closeRequested.countDown(); // the writer goes on until the queue is empty
        writer.join(Duration.ofSeconds(10));
        if (!queue.isEmpty()) {
            log.warn("{} recommendation records were not stored before shutdown", queue.size());
        }
    }

    private boolean closing() {
        return closeRequested.getCount() == 0;
    }

    private void writeUntilClosed() {
        List<RecommendationRecord> batch = new ArrayList<>(BATCH);
        while (!closing() || !queue.isEmpty()) {
            try {
                if (batch.isEmpty()) {
                    RecommendationRecord first = queue.poll(100, TimeUnit.MILLISECONDS);
                    if (first == null) {
                        continue;
                    }
                    batch.add(first);
                    // let the batch fill: one insert for everything shown meanwhile
                    closeRequested.await(linger.toNanos(), TimeUnit.NANOSECONDS);
                }
                queue.drainTo(batch, BATCH - batch.size());
                (storeRetrying(batch) ? stored : givenUp).addAndGet(batch.size());
                batch.clear();
            } catch (InterruptedException unexpected) {
                // nobody interrupts this thread; the loop goes on (what was taken stays in the batch)
            } catch (RuntimeException unstorable) {
                // not the database being away (that is retried) but records it refuses or cannot map: retrying would
                // fail forever and stop the log, so this batch is given up
                log.error("Could not store {} recommendation records; they are dropped", batch.size(), unstorable);
                givenUp.addAndGet(batch.size());
                batch.clear();
            }
        }
    }

    /** Stores the batch, retrying with backoff while the database fails; gives up (false) only when the server stops. */
    private boolean storeRetrying(List<RecommendationRecord> batch) throws InterruptedException {
        Duration backoff = Duration.ofMillis(100);
        for (int attempt = 1; ; attempt++) {
            try {
                insert(batch);
                if (attempt > 1) {
                    log.info("The recommendations log is written again after {} failed attempts", attempt - 1);
                }
                return true;
            } catch (DataAccessException | com.mongodb.MongoException e) {
                if (attempt == 1) {
                    log.warn("Could not store {} recommendation records, retrying: {}", batch.size(), e.getMessage());
                }
                if (closing() && attempt >= 3) {
                    log.warn("{} recommendation records were not stored before shutdown", batch.size());
                    return false;
                }
                closeRequested.await(backoff.toNanos(), TimeUnit.NANOSECONDS);
                backoff = backoff.multipliedBy(2).compareTo(MAX_BACKOFF) > 0 ? MAX_BACKOFF : backoff.multipliedBy(2);
            }
        }
    }

    /**
     * One unordered bulk insert. Write errors other than duplicates (a retry of records already stored) are records the
     * database refuses: thrown as an IllegalArgumentException, which is not retried.
     */
    private void insert(List<RecommendationRecord> batch) {
        try {
            mongo.getCollection(documents.collection()).insertMany(
                    batch.stream().map(documents::of).toList(), new InsertManyOptions().ordered(false));
        } catch (MongoBulkWriteException e) {
            refusedUnlessDuplicates(e, e.getWriteErrors().stream().map(error -> error.getCode()).toList());
        }
    }

    private static void refusedUnlessDuplicates(RuntimeException e, List<Integer> codes) {
        if (!onlyDuplicates(codes)) {
            throw new IllegalArgumentException("The database refused recommendation records: " + e.getMessage(), e);
        }
    }

    /** A retry after a write that reached the database: those records are stored already. */
    private static boolean onlyDuplicates(List<Integer> codes) {
        return !codes.isEmpty() && codes.stream().allMatch(code -> code == DUPLICATE_KEY);
    }
}
