package io.echotune.server.security;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

import java.time.Duration;
import java.util.Optional;

/**
 * The server's own protections ({@code echotune.security.*}).
 *
 * @param adminToken   {@code ECHOTUNE_ADMIN_TOKEN}: the bearer token for the operations endpoints under
 *                     {@code /actuator} beyond health and info (metrics, Prometheus). Unset = those stay closed.
 * @param maxBodySize  largest request body accepted by the API; larger ones get 413
 * @param hstsMaxAge   how long browsers keep to HTTPS once they saw it (sent only on requests that came over TLS)
 */
@ConfigurationProperties("echotune.security")
public record SecurityProperties(
        String adminToken,
        @DefaultValue("64KB") DataSize maxBodySize,
        @DefaultValue("365d") Duration hstsMaxAge) {

    public Optional<String> admin() {
        return adminToken == null || adminToken.isBlank() ? Optional.empty() : Optional.of(adminToken.strip());
    }

    /** Never print the token, whatever logs or dumps this record. */
    @Override
    public String toString() {
        return "SecurityProperties[adminToken=" + (admin().isPresent() ? "(set)" : "(unset)") + ", maxBodySize=" + maxBodySize
                + ", hstsMaxAge=" + hstsMaxAge + "]";
    }
}
