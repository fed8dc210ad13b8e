package io.echotune.bot.limits;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.time.Clock;
import java.util.Optional;

/** The one {@link RateLimiter} of the process: shared through Redis when {@code REDIS_URL} is set, else in process. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(LimiterProperties.class)
public class LimiterConfiguration {

    private static final Logger log = LoggerFactory.getLogger(LimiterConfiguration.class);

    @Bean(destroyMethod = "close")
    public RateLimiter rateLimiter(LimiterProperties properties) {
        Optional<SharedBuckets> shared = properties.redis()
                .map(url -> new SharedBuckets(url, properties.redisTimeout(), properties.retryRedisAfter(), Clock.systemUTC()));
        // the URL may carry a password: never logged
        log.info("Rate limits: {}", shared.isPresent() ? "shared through Redis (REDIS_URL), in process while it is unreachable" : "in process");
        return new RateLimiter(shared);
    }
}
