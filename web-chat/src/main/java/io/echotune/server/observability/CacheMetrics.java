package io.echotune.server.observability;

import io.echotune.music.cache.TwoLevelCache;
import io.echotune.music.history.ListeningHistory;
import io.echotune.music.recommend.Recommendations;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.util.List;
import java.util.function.ToLongFunction;

/**
 * The cache's hits and misses per use as {@code echotune_cache_requests_total{cache=recommendations|taste,
 * result=l1_hit|l2_hit|miss}}, read from the cache's own counters; hit ratio = (l1_hit + l2_hit) / all.
 * {@code cache="recommendations"} is the business metric; {@code cache="taste"} counts listeners' tastes served
 * without reading their history.
 */
@Configuration(proxyBeanMethods = false)
public class CacheMetrics {

    private static final List<String> NAMESPACES = List.of(Recommendations.CACHE_NAMESPACE, ListeningHistory.CACHE_NAMESPACE);

    @Bean
    InitializingBean cacheRequestMeters(ObjectProvider<TwoLevelCache> cache, MeterRegistry meters) {
        return () -> cache.ifAvailable(c -> NAMESPACES.forEach(namespace -> {
            counter(meters, c, namespace, "l1_hit", TwoLevelCache.Stats::l1Hits);
            counter(meters, c, namespace, "l2_hit", TwoLevelCache.Stats::l2Hits);
            counter(meters, c, namespace, "miss", TwoLevelCache.Stats::misses);
        }));
    }

    private static void counter(MeterRegistry meters, TwoLevelCache cache, String namespace, String result,
                                ToLongFunction<TwoLevelCache.Stats> count) {
        FunctionCounter.builder("echotune.cache.requests", cache, c -> count.applyAsLong(c.stats(namespace)))
                .tag("cache", namespace).tag("result", result)
                .description("cache lookups").register(meters);
    }
}
