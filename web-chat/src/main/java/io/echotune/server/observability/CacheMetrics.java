package io.echotune.server.observability;

import io.echotune.music.cache.TwoLevelCache;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.util.function.ToDoubleFunction;

/**
 * The recommendation cache's hits and misses as {@code echotune_cache_requests_total{result=l1_hit|l2_hit|miss}}, read
 * from the cache's own counters; hit ratio = (l1_hit + l2_hit) / all.
 */
@Configuration(proxyBeanMethods = false)
public class CacheMetrics {

    @Bean
    InitializingBean cacheRequestMeters(ObjectProvider<TwoLevelCache> cache, MeterRegistry meters) {
        return () -> cache.ifAvailable(c -> {
            counter(meters, c, "l1_hit", s -> s.stats().l1Hits());
            counter(meters, c, "l2_hit", s -> s.stats().l2Hits());
            counter(meters, c, "miss", s -> s.stats().misses());
        });
    }

    private static void counter(MeterRegistry meters, TwoLevelCache cache, String result, ToDoubleFunction<TwoLevelCache> count) {
        FunctionCounter.builder("echotune.cache.requests", cache, count).tag("result", result)
                .description("recommendation cache lookups").register(meters);
    }
}
