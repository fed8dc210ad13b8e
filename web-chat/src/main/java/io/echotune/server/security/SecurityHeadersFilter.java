package io.echotune.server.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;

/**
 * Security headers on every response. The CSP fits the app and the widget: scripts only from this server (the
 * pages have no inline script), styles from this server plus inline ones (the widget's cards set CSS variables in
 * {@code style}), connections (fetch, WebSocket) only back to this server, and no framing by anyone — the widget
 * lives in a Shadow DOM on the host page, not in a frame. HSTS only on requests that came over TLS (directly or
 * through a proxy's {@code X-Forwarded-Proto}), so plain-HTTP development is not locked out.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 20)
public class SecurityHeadersFilter extends OncePerRequestFilter {

    static final String CONTENT_SECURITY_POLICY = String.join("; ",
            "default-src 'self'",
            "script-src 'self'",
            "style-src 'self' 'unsafe-inline'",
            "img-src 'self' data: https:",
            "connect-src 'self'",
            "font-src 'self'",
            "manifest-src 'self'",
            "worker-src 'self'",
            "object-src 'none'",
            "base-uri 'self'",
            "form-action 'self'",
            "frame-ancestors 'none'");

    private final String hsts;

    public SecurityHeadersFilter(SecurityProperties properties) {
        this.hsts = "max-age=" + properties.hstsMaxAge().toSeconds() + "; includeSubDomains";
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        response.setHeader("Content-Security-Policy", CONTENT_SECURITY_POLICY);
        response.setHeader("X-Content-Type-Options", "nosniff");
        response.setHeader("X-Frame-Options", "DENY");
        response.setHeader("Referrer-Policy", "strict-origin-when-cross-origin");
        response.setHeader("Permissions-Policy", "camera=(), microphone=(), geolocation=(), payment=()");
        response.setHeader("Cross-Origin-Opener-Policy", "same-origin");
        if (request.isSecure()) {
            response.setHeader("Strict-Transport-Security", hsts);
        }
        if (request.getRequestURI().startsWith("/api/")) {
            // conversations and tokens must not sit in shared caches
            response.setHeader("Cache-Control", "no-store");
        }
        chain.doFilter(request, response);
    }
}
