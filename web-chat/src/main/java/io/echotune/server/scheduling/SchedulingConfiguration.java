package io.echotune.server.scheduling;

import net.javacrumbs.shedlock.core.LockProvider;
import net.javacrumbs.shedlock.provider.mongo.MongoLockProvider;
import net.javacrumbs.shedlock.spring.annotation.EnableSchedulerLock;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.scheduling.annotation.EnableScheduling;

/**
 * Scheduled jobs (model retraining, Spotify imports) run on every instance's scheduler, but a job annotated with
 * {@code @SchedulerLock(name = "...")} runs on only one of them per period: the instances share a lock document in
 * MongoDB (ShedLock). A job's {@code lockAtMostFor} should exceed its longest run, so a crashed instance's lock
 * expires without blocking the job for long; {@code lockAtLeastFor} covers clock skew between machines.
 */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
@EnableSchedulerLock(defaultLockAtMostFor = "PT30M")
@EnableConfigurationProperties(SchedulingProperties.class)
public class SchedulingConfiguration {

    @Bean
    public LockProvider lockProvider(MongoTemplate mongo, SchedulingProperties properties) {
        return new MongoLockProvider(mongo.getCollection(properties.lockCollection()));
    }
}
