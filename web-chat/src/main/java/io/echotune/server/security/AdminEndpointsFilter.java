package io.echotune.server.security;

import io.echotune.server.identity.BearerToken;
import com.fasterxml.jackson.databind.ObjectMapper;
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
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;

/**
 * Keeps the operations endpoints ({@code /actuator/**} beyond health and info: metrics, Prometheus) for whoever
 * holds {@code ECHOTUNE_ADMIN_TOKEN}. Health stays open: load balancers and Kubernetes probe it without a token.
 * Without a token configured the operations endpoints are closed to everyone.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 30)
public class AdminEndpointsFilter extends OncePerRequestFilter {

    private final Optional<byte[]> token;
    private final ObjectMapper json;

    public AdminEndpointsFilter(SecurityProperties properties, ObjectMapper json) {
        this.token = properties.admin().map(t -> t.getBytes(StandardCharsets.UTF_8));
        this.json = json;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String path = request.getRequestURI();
        if (!path.equals("/actuator") && !path.startsWith("/actuator/")) {
            return true;
        }
        return path.equals("/actuator/health") || path.startsWith("/actuator/health/") || path.equals("/actuator/info");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (token.isEmpty()) {
            ProblemResponses.write(json, request, response, HttpStatus.FORBIDDEN,
                    "The operations endpoints are closed on this server: set ECHOTUNE_ADMIN_TOKEN to open them to its holder.", Map.of());
            return;
        }
        if (!BearerToken.presents(request.getHeader(HttpHeaders.AUTHORIZATION), token.get())) {
            response.setHeader(HttpHeaders.WWW_AUTHENTICATE, "Bearer realm=\"echotune-admin\"");
            ProblemResponses.write(json, request, response, HttpStatus.UNAUTHORIZED,
                    "The operations endpoints need Authorization: Bearer <ECHOTUNE_ADMIN_TOKEN>.", Map.of());
            return;
        }
        chain.doFilter(request, response);
    }
}
