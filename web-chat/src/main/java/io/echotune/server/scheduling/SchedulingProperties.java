package io.echotune.server.scheduling;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where scheduled jobs keep their cluster-wide locks.
 *
 * @param lockCollection  MongoDB collection of ShedLock's lock documents (one per job name)
 */
@ConfigurationProperties("echotune.scheduling")
public record SchedulingProperties(@DefaultValue("scheduler_locks") String lockCollection) {
}
