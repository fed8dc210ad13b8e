package io.echotune.server.limits;

import io.echotune.bot.limits.RateLimit;
import io.echotune.bot.limits.RateLimiter;
import io.echotune.bot.limits.Verdict;
import io.echotune.server.identity.BearerToken;
import io.echotune.server.identity.Visitor;
import io.echotune.server.identity.VisitorTokens;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.util.Optional;

/**
 * Which limit a request counts against and who it counts for. The WebSocket's chat turns come here too, so a
 * visitor's turns over REST and WebSocket share one bucket.
 */
@Component
@EnableConfigurationProperties(LimitsProperties.class)
public class RequestLimits {


    private final LimitsProperties properties;
    private final RateLimiter limiter;
    private final VisitorTokens tokens;
    private final MeterRegistry meters;

    public RequestLimits(LimitsProperties properties, RateLimiter limiter, VisitorTokens tokens, MeterRegistry meters) {
        this.properties = properties;
        this.limiter = limiter;
        this.tokens = tokens;
        this.meters = meters;
    }

    /** The limit for this request; empty for what is never limited (pages, scripts, health). */
    Optional<RateLimit> limitFor(HttpServletRequest request) {
        if (!properties.enabled()) {
            return Optional.empty();
        }
        String path = request.getRequestURI();
        String method = request.getMethod();
        if (path.equals("/api/chat") && method.equals("POST")) return Optional.of(properties.chat());
        if (path.equals("/api/tracks/search")) return Optional.of(properties.search());
        if (path.equals("/api/web/visitors") && method.equals("POST")) return Optional.of(properties.visitors());
        if (path.startsWith("/api/") || path.startsWith("/ws/") || path.equals("/mcp") || path.startsWith("/mcp/")) {
            return Optional.of(properties.api());
        }
        return Optional.empty();
    }

    /** Who the request is from: the visitor behind its token, else the client's address. */
    String subject(HttpServletRequest request) {
        Optional<Visitor> visitor = BearerToken.of(request.getHeader(HttpHeaders.AUTHORIZATION)).flatMap(tokens::visitor);
        if (visitor.isPresent()) {
            return visitorSubject(visitor.get());
        }
        // behind a proxy this is the client's address once server.forward-headers-strategy trusts the proxy
        return "ip:" + request.getRemoteAddr();
    }

    Verdict take(RateLimit limit, String subject) {
        Verdict verdict = limiter.take(limit, subject);
        if (!verdict.allowed()) {
            meters.counter("echotune.ratelimit.rejected", "limit", limit.name()).increment();
        }
        return verdict;
    }

    /** One chat turn of a web visitor on the WebSocket; counts against the same bucket as their REST turns. */
    public Verdict chatTurn(Visitor visitor) {
        if (!properties.enabled()) {
            return new Verdict(true, Long.MAX_VALUE, Duration.ZERO, false);
        }
        return take(properties.chat(), visitorSubject(visitor));
    }

    private static String visitorSubject(Visitor visitor) {
        return "visitor:" + visitor.id();
    }
}
