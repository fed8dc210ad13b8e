package io.echotune.server.security;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;

import java.io.IOException;
import java.net.URI;
import java.util.Map;

/**
 * Writes an RFC 9457 problem document from a servlet filter — for refusals that happen before a controller runs
 * (rate limits, oversize bodies, admin endpoints) — in the same shape as {@code ApiErrors}.
 */
public final class ProblemResponses {

    private ProblemResponses() {
    }

    public static void write(ObjectMapper json, HttpServletRequest request, HttpServletResponse response, HttpStatus status,
                             String detail, Map<String, ?> properties) throws IOException {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setTitle(status.getReasonPhrase());
        problem.setInstance(URI.create(safePath(request.getRequestURI())));
        properties.forEach(problem::setProperty);
        response.setStatus(status.value());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.setCharacterEncoding("UTF-8");
        json.writeValue(response.getOutputStream(), problem);
    }

    /** The request path as a relative URI; a path that is not a valid URI (it came from a client) is left out. */
    private static String safePath(String path) {
        try {
            return URI.create(path).getRawPath();
        } catch (RuntimeException e) {
            return "/";
        }
    }
}
