package io.echotune.server.resilience;

import org.springframework.boot.autoconfigure.mongo.MongoClientSettingsBuilderCustomizer;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * Bounds how long a request waits for an unreachable MongoDB (the driver's default is 30 s): after
 * {@code echotune.resilience.mongo-wait} the request fails with 503 ({@link DatabaseOutage}) and a person can try
 * again, instead of holding a connection for half a minute. The driver reconnects by itself when MongoDB is back.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(MongoTimeouts.Properties.class)
public class MongoTimeouts {

    /** @param mongoWait longest wait for a reachable MongoDB server ({@code ECHOTUNE_MONGO_WAIT}) */
    @ConfigurationProperties("echotune.resilience")
    public record Properties(@DefaultValue("3s") Duration mongoWait) {
    }

    @Bean
    MongoClientSettingsBuilderCustomizer boundedMongoWait(Properties properties) {
        long millis = properties.mongoWait().toMillis();
        return settings -> settings
                .applyToClusterSettings(cluster -> cluster.serverSelectionTimeout(millis, TimeUnit.MILLISECONDS))
                .applyToSocketSettings(socket -> socket.connectTimeout((int) Math.min(millis, Integer.MAX_VALUE), TimeUnit.MILLISECONDS));
    }
}
