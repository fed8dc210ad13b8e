package io.echotune.server.identity;

import org.springframework.core.MethodParameter;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;
import org.springframework.web.server.ResponseStatusException;

/**
 * Gives a controller method the {@link Visitor} behind the request's {@code Authorization: Bearer <token>} header,
 * or answers 401 with a sentence saying how to get a token.
 */
class VisitorArgumentResolver implements HandlerMethodArgumentResolver {

    private static final String BEARER = "Bearer ";
    private final VisitorTokens tokens;

    VisitorArgumentResolver(VisitorTokens tokens) {
        this.tokens = tokens;
    }

    @Override
    public boolean supportsParameter(MethodParameter parameter) {
        return parameter.getParameterType().equals(Visitor.class);
    }

    @Override
    public Visitor resolveArgument(MethodParameter parameter, ModelAndViewContainer mav, NativeWebRequest request,
                                   WebDataBinderFactory binderFactory) {
        String header = request.getHeader(HttpHeaders.AUTHORIZATION);
        String token = header != null && header.regionMatches(true, 0, BEARER, 0, BEARER.length())
                ? header.substring(BEARER.length()).strip() : null;
        return tokens.visitor(token).orElseThrow(() -> new ResponseStatusException(HttpStatus.UNAUTHORIZED,
                "This needs a visitor token: get one from POST /api/web/visitors and send it as Authorization: Bearer <token>."));
    }
}
