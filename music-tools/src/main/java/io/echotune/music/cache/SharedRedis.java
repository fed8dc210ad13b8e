package io.echotune.music.cache;

import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisURI;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.sync.RedisCommands;

import java.time.Duration;

/**
 * The server's Redis connection (Lettuce), present only when {@code REDIS_URL} is set: one client and one
 * thread-safe, auto-reconnecting connection, shared by whatever needs Redis (the recommendation cache today; the rate
 * limiter can take its {@link #client()}). Connecting is lazy so a Redis that is down at start-up only degrades.
 */
public final class SharedRedis implements AutoCloseable {

    private final RedisClient client;
    private volatile StatefulRedisConnection<String, String> connection;

    public SharedRedis(String url, Duration timeout) {
        RedisURI uri = RedisURI.create(url);
        uri.setTimeout(timeout);
        this.client = RedisClient.create(uri);
    }

    public RedisClient client() {
        return client;
    }

    /** Synchronous commands on the shared connection, opened on first use; throws while Redis is unreachable. */
    public RedisCommands<String, String> commands() {
        StatefulRedisConnection<String, String> c = connection;
        if (c == null) {
            synchronized (this) {
                if (connection == null) {
                    connection = client.connect();
                }
                c = connection;
            }
        }
        return c.sync();
    }

    @Override
    public void close() {
        if (connection != null) {
            connection.close();
        }
        client.shutdown(Duration.ZERO, Duration.ofSeconds(2));
    }
}
