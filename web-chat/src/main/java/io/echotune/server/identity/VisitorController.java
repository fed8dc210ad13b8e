package io.echotune.server.identity;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * Hands a new browser its visitor token. The widget keeps it in the host page's localStorage rather than a cookie:
 * third-party cookies are blocked on most embedding sites, and the token must work wherever the widget is.
 */
@RestController
public class VisitorController {

    private final VisitorTokens tokens;

    public VisitorController(VisitorTokens tokens) {
        this.tokens = tokens;
    }

    public record IssuedToken(String token) {
    }

    @PostMapping(path = "/api/web/visitors", produces = MediaType.APPLICATION_JSON_VALUE)
    @ResponseStatus(HttpStatus.CREATED)
    public IssuedToken issue() {
        return new IssuedToken(tokens.issue());
    }
}
