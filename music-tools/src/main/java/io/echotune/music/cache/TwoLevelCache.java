package io.echotune.music.cache;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import io.lettuce.core.SetArgs;
import io.lettuce.core.api.sync.RedisCommands;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;

/**
 * EchoTune's one cache: per-user string values in an in-process Caffeine L1 and, when Redis is configured, a Redis L2
 * shared by every instance. Invalidating a user bumps their generation number, which is part of every key, so all of
 * their entries on every instance become unreachable at once (a Redis INCR, no key scan); old entries expire by TTL.
 *
 * <p>Redis is an accelerator, never a dependency: when it fails, the cache logs a warning (at most once a minute) and
 * carries on with L1 alone for a while ({@code retryRedisAfter}), so a chat turn never fails or waits on the cache.
 */
public final class TwoLevelCache {

    private static final Logger log = LoggerFactory.getLogger(TwoLevelCache.class);
    private static final String PREFIX = "echotune:";
    /** Two string headers, the map entry and Caffeine's node: roughly, as a weight needs no more. */
    static final int ENTRY_OVERHEAD_BYTES = 160;
    private static final long WARN_EVERY_NANOS = Duration.ofMinutes(1).toNanos();

    private final Cache<String, String> l1;
    private final Optional<SharedRedis> l2;
    private final Duration ttl;
    private final long retryRedisAfterNanos;
    private volatile long redisPausedUntil = System.nanoTime();
    /** Generations when there is no Redis (one instance); with Redis they live in Redis so instances agree. */
    private final Map<String, Long> localGenerations = new ConcurrentHashMap<>();
    private final AtomicLong lastWarning = new AtomicLong(System.nanoTime() - WARN_EVERY_NANOS);
    /** Per namespace: the recommendations' hit ratio is a business metric, and other users must not blur it. */
    private final Map<String, Counters> counters = new ConcurrentHashMap<>();

    /**
     * @param l1MaxBytes memory for L1 entries, estimated as their characters plus {@value #ENTRY_OVERHEAD_BYTES} bytes of
     *                   bookkeeping each (keys and values are ASCII or JSON: mostly one byte per character)
     */
    public TwoLevelCache(long l1MaxBytes, Duration ttl, Optional<SharedRedis> redis, Duration retryRedisAfter) {
        this.l1 = Caffeine.newBuilder().maximumWeight(l1MaxBytes)
                .weigher((String key, String value) -> ENTRY_OVERHEAD_BYTES + key.length() + value.length())
                .expireAfterWrite(ttl)
                // evict on the writing thread, at once: a few microseconds, and the memory bound holds exactly
                .executor(Runnable::run).build();
        this.l2 = redis;
        this.ttl = ttl;
        this.retryRedisAfterNanos = retryRedisAfter.toNanos();
    }

    public Optional<String> get(String namespace, String user, String key) {
        return slot(namespace, user, key).get();
    }

    public void put(String namespace, String user, String key, String value) {
        slot(namespace, user, key).put(value);
    }

    /**
     * One entry's place, its key fixed now. A value computed from data read after this call is put here, not under
     * whatever generation is current once it is ready: so an invalidation that lands while it is being computed makes
     * the value unreachable, instead of the stale value landing in the new generation.
     */
    public Slot slot(String namespace, String user, String key) {
        return new Slot(namespace, fullKey(namespace, user, key));
    }

    /** See {@link #slot}. */
    public final class Slot {

        private final String namespace;
        private final String fullKey;

        private Slot(String namespace, String fullKey) {
            this.namespace = namespace;
            this.fullKey = fullKey;
        }

        public Optional<String> get() {
            Counters counters = counters(namespace);
            String value = l1.getIfPresent(fullKey);
            if (value != null) {
                counters.l1Hits.incrementAndGet();
                return Optional.of(value);
            }
            if (l2.isPresent()) {
                value = redis(r -> r.get(fullKey));
                if (value != null) {
                    counters.l2Hits.incrementAndGet();
                    l1.put(fullKey, value);
                    return Optional.of(value);
                }
            }
            counters.misses.incrementAndGet();
            return Optional.empty();
        }

        public void put(String value) {
            l1.put(fullKey, value);
            redis(r -> r.set(fullKey, value, SetArgs.Builder.px(ttl.toMillis())));
        }
    }

    /** Makes every cached entry of the user in this namespace unreachable, on every instance sharing the Redis. */
    public void invalidate(String namespace, String user) {
        String generationKey = generationKey(namespace, user);
        localGenerations.merge(generationKey, 1L, Long::sum);
        redis(r -> r.incr(generationKey));
        String userPrefix = PREFIX + namespace + ":" + user + ":";
        l1.asMap().keySet().removeIf(k -> k.startsWith(userPrefix));
    }

    /** Hits and misses of one namespace since start, for metrics and tests. */
    public Stats stats(String namespace) {
        Counters c = counters(namespace);
        return new Stats(c.l1Hits.get(), c.l2Hits.get(), c.misses.get(), l2.isPresent());
    }

    public record Stats(long l1Hits, long l2Hits, long misses, boolean redis) {
    }

    private Counters counters(String namespace) {
        return counters.computeIfAbsent(namespace, n -> new Counters());
    }

    private static final class Counters {
        final AtomicLong l1Hits = new AtomicLong();
        final AtomicLong l2Hits = new AtomicLong();
        final AtomicLong misses = new AtomicLong();
    }

    private String fullKey(String namespace, String user, String key) {
        return PREFIX + namespace + ":" + user + ":" + generation(namespace, user) + ":" + key;
    }

    private long generation(String namespace, String user) {
        String generationKey = generationKey(namespace, user);
        String stored = redis(r -> r.get(generationKey));
        // while Redis is away the local generation still moves on local invalidations; both only ever grow
        long local = localGenerations.getOrDefault(generationKey, 0L);
        return stored == null ? local : Math.max(local, Long.parseLong(stored));
    }

    private static String generationKey(String namespace, String user) {
        return PREFIX + namespace + ":generation:" + user;
    }

    /** Runs a command on Redis if configured and not paused after a failure; null otherwise. */
    private <T> T redis(Function<RedisCommands<String, String>, T> command) {
        if (l2.isEmpty() || System.nanoTime() - redisPausedUntil < 0) {
            return null;
        }
        try {
            return command.apply(l2.get().commands());
        } catch (RuntimeException e) {
            long now = System.nanoTime();
            redisPausedUntil = now + retryRedisAfterNanos;
            long last = lastWarning.get();
            if (now - last >= WARN_EVERY_NANOS && lastWarning.compareAndSet(last, now)) {
                log.warn("Redis cache unavailable, serving from the in-process cache only: {}", e.toString());
            }
            return null;
        }
    }
}
