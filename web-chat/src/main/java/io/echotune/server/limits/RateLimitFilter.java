package io.echotune.server.limits;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.echotune.bot.limits.RateLimit;
import io.echotune.bot.limits.Verdict;
import io.echotune.server.security.ProblemResponses;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;
import java.util.Map;
import java.util.Optional;

/**
 * Applies {@link RequestLimits} to every request before it reaches a controller: over the limit, 429 with
 * {@code Retry-After} and a problem document saying which limit and when to come back.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 50)
public class RateLimitFilter extends OncePerRequestFilter {

    private final RequestLimits limits;
    private final ObjectMapper json;

    public RateLimitFilter(RequestLimits limits, ObjectMapper json) {
        this.limits = limits;
        this.json = json;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Optional<RateLimit> limit = limits.limitFor(request);
        if (limit.isEmpty() || request.getMethod().equals("OPTIONS")) { // CORS preflights carry no work
            chain.doFilter(request, response);
            return;
        }
        Verdict verdict = limits.take(limit.get(), limits.subject(request));
        response.setHeader("RateLimit-Limit", String.valueOf(limit.get().capacity()));
        if (verdict.allowed()) {
            response.setHeader("RateLimit-Remaining", String.valueOf(verdict.remaining()));
            chain.doFilter(request, response);
            return;
        }
        long seconds = verdict.retryAfterSeconds();
        response.setHeader("RateLimit-Remaining", "0");
        response.setHeader(HttpHeaders.RETRY_AFTER, String.valueOf(seconds));
        ProblemResponses.write(json, request, response, HttpStatus.TOO_MANY_REQUESTS,
                "Too many requests: " + what(limit.get()) + " is limited to " + limit.get().describe()
                        + ". Try again in " + seconds + (seconds == 1 ? " second." : " seconds."),
                Map.of("limit", limit.get().name(), "retryAfterSeconds", seconds));
    }

    private static String what(RateLimit limit) {
        return switch (limit.name()) {
            case "chat" -> "chatting";
            case "search" -> "searching";
            case "visitors" -> "starting new web chats";
            default -> "using the API";
        };
    }
}
