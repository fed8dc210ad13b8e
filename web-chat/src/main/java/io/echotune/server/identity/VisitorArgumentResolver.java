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
        return BearerToken.of(request.getHeader(HttpHeaders.AUTHORIZATION)).flatMap(tokens::visitor).orElseThrow(() -> new ResponseStatusException(HttpStatus.UNAUTHORIZED,
                "This needs a visitor token: get one from POST /api/web/visitors and send it as Authorization: Bearer <token>."));
    }
}
