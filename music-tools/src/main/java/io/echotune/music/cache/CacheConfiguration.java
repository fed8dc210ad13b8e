package io.echotune.music.cache;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

import java.util.Optional;

/** The two-level cache: Caffeine always, Redis as L2 only when {@code REDIS_URL} is set (nothing touches Redis otherwise). */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(CacheProperties.class)
public class CacheConfiguration {

    @Bean(destroyMethod = "close")
    @Conditional(RedisConfigured.class)
    public SharedRedis sharedRedis(Environment env, CacheProperties properties) {
        return new SharedRedis(RedisConfigured.url(env).orElseThrow(), properties.redisTimeout());
    }

    @Bean
    public TwoLevelCache twoLevelCache(CacheProperties properties, Optional<SharedRedis> redis) {
        return new TwoLevelCache(properties.l1MaxSize().toBytes(), properties.ttl(), redis, properties.retryRedisAfter());
    }
}
