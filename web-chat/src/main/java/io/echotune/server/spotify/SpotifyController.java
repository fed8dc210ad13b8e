package io.echotune.server.spotify;

import io.echotune.music.spotify.Spotify;
import io.echotune.music.spotify.SpotifyException;
import io.echotune.music.spotify.SpotifyLinking;
import io.echotune.music.spotify.SpotifyOutcome;
import io.echotune.server.identity.BearerToken;
import io.echotune.server.identity.Visitor;
import io.echotune.server.identity.VisitorTokens;
import io.echotune.server.identity.WebVisitors;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseCookie;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.CookieValue;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.util.HtmlUtils;

import java.net.URI;
import java.time.Duration;
import java.util.Optional;

/**
 * The web side of linking a Spotify account. A login link from the chat ({@code /api/spotify/login?token=…}) sends
 * the browser to Spotify's authorize page with a cookie holding the OAuth state, so the callback only completes in
 * the browser that started it; the callback checks state and cookie, and answers a small page to return to the
 * chat. The web widget can also ask for a link, see the status, and unlink, with its visitor token.
 */
@RestController
public class SpotifyController {

    static final String STATE_COOKIE = "echotune_spotify_state";
    private static final String COOKIE_PATH = "/api/spotify";

    private final Optional<Spotify> spotify;
    private final VisitorTokens tokens;
    private final WebVisitors visitors;

    public SpotifyController(Optional<Spotify> spotify, VisitorTokens tokens, WebVisitors visitors) {
        this.spotify = spotify;
        this.tokens = tokens;
        this.visitors = visitors;
    }

    /** Whether Spotify is configured here and, for a visitor who sends their token, whether they have linked it. */
    public record Status(boolean configured, boolean linked, String account) {
    }

    public record LoginLink(URI loginUrl, long validForSeconds) {
    }

    @GetMapping(path = "/api/spotify/status", produces = MediaType.APPLICATION_JSON_VALUE)
    public Status status(@RequestHeader(name = HttpHeaders.AUTHORIZATION, required = false) String authorization) {
        if (spotify.isEmpty()) return new Status(false, false, null);
        Optional<String> account = visitor(authorization).flatMap(visitors::existingUser)
                .flatMap(user -> spotify.get().linkedAccount(user.getId()));
        return new Status(true, account.isPresent(), account.orElse(null));
    }

    /** A login link for the web visitor (the widget's "Link Spotify" button; chat users get one by asking). */
    @PostMapping(path = "/api/spotify/link", produces = MediaType.APPLICATION_JSON_VALUE)
    public ResponseEntity<LoginLink> link(Visitor visitor) {
        SpotifyOutcome outcome = configured().offerLink(visitors.user(visitor).getId());
        if (outcome.status() == SpotifyOutcome.Status.ALREADY_DONE) {
            throw new ResponseStatusException(HttpStatus.CONFLICT, outcome.message());
        }
        URI url = outcome.url().orElseThrow();
        return ResponseEntity.status(HttpStatus.CREATED).body(new LoginLink(url, configured().linking().linkValidity().toSeconds()));
    }

    @DeleteMapping("/api/spotify/link")
    public ResponseEntity<Void> unlink(Visitor visitor) {
        visitors.existingUser(visitor).ifPresent(user -> configured().unlink(user.getId()));
        return ResponseEntity.noContent().build();
    }

    @GetMapping("/api/spotify/login")
    public ResponseEntity<String> login(@RequestParam(required = false) String token) {
        if (spotify.isEmpty()) return page(HttpStatus.NOT_FOUND, "Spotify isn't set up on this EchoTune server.");
        Optional<SpotifyLinking.Authorization> authorization = spotify.get().linking().authorization(token);
        if (authorization.isEmpty()) {
            return page(HttpStatus.BAD_REQUEST, "This link has expired or was already used. Ask EchoTune to "
                    + "\"link my Spotify\" again for a new one.");
        }
        Duration validity = spotify.get().linking().linkValidity();
        ResponseCookie cookie = ResponseCookie.from(STATE_COOKIE, authorization.get().state())
                .httpOnly(true).secure(secure()).sameSite("Lax").path(COOKIE_PATH).maxAge(validity).build();
        return ResponseEntity.status(HttpStatus.FOUND)
                .header(HttpHeaders.LOCATION, authorization.get().authorizeUrl().toString())
                .header(HttpHeaders.SET_COOKIE, cookie.toString())
                .header(HttpHeaders.CACHE_CONTROL, "no-store")
                .build();
    }

    @GetMapping("/api/spotify/callback")
    public ResponseEntity<String> callback(@RequestParam(required = false) String code, @RequestParam(required = false) String state,
                                           @RequestParam(required = false) String error,
                                           @CookieValue(name = STATE_COOKIE, required = false) String cookieState) {
        if (spotify.isEmpty()) return page(HttpStatus.NOT_FOUND, "Spotify isn't set up on this EchoTune server.");
        if (error != null) {
            // access_denied: the person said no on Spotify's page; nothing to undo
            return clearing(page(HttpStatus.OK, "Nothing was linked: Spotify said the access wasn't granted. "
                    + "You can close this tab, or ask EchoTune to \"link my Spotify\" to try again."));
        }
        if (code == null || state == null) {
            return page(HttpStatus.BAD_REQUEST, "This page is where Spotify sends you back after you log in; open the link "
                    + "EchoTune gave you instead.");
        }
        if (!state.equals(cookieState)) {
            return page(HttpStatus.BAD_REQUEST, "This Spotify login was started in another browser (or its cookie was "
                    + "blocked). Open the link EchoTune gave you in this browser and try again.");
        }
        try {
            SpotifyLinking.Linked linked = spotify.get().linking().complete(state, code);
            String who = linked.displayName() != null && !linked.displayName().isBlank() ? linked.displayName() : linked.spotifyUserId();
            return clearing(page(HttpStatus.OK, "Your Spotify account " + who + " is linked to EchoTune. I'm importing what you "
                    + "listen to now. You can close this tab and go back to the chat."));
        } catch (SpotifyException e) {
            HttpStatus status = switch (e.reason()) {
                case NOT_LINKED -> HttpStatus.BAD_REQUEST;
                case UNAVAILABLE -> HttpStatus.SERVICE_UNAVAILABLE;
                case REFUSED -> HttpStatus.FORBIDDEN;
            };
            return clearing(page(status, e.getMessage()));
        }
    }

    private Spotify configured() {
        return spotify.orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "Spotify isn't set up on this EchoTune server."));
    }

    private Optional<Visitor> visitor(String authorization) {
        return BearerToken.of(authorization).flatMap(tokens::visitor);
    }

    private boolean secure() {
        return spotify.map(s -> "https".equalsIgnoreCase(s.linking().redirectUri().getScheme())).orElse(true);
    }

    private static ResponseEntity<String> clearing(ResponseEntity<String> page) {
        ResponseCookie gone = ResponseCookie.from(STATE_COOKIE, "").path(COOKIE_PATH).maxAge(0).build();
        return ResponseEntity.status(page.getStatusCode()).headers(page.getHeaders())
                .header(HttpHeaders.SET_COOKIE, gone.toString()).body(page.getBody());
    }

    /** A minimal page: these answers are read in a browser tab, not by the widget. */
    private static ResponseEntity<String> page(HttpStatus status, String sentence) {
        String html = "<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\"><meta name=\"viewport\" "
                + "content=\"width=device-width\"><title>EchoTune · Spotify</title></head><body style=\"font-family:system-ui;"
                + "max-width:32rem;margin:3rem auto;padding:0 1rem\"><h1>EchoTune</h1><p>" + HtmlUtils.htmlEscape(sentence)
                + "</p></body></html>";
        return ResponseEntity.status(status).contentType(new MediaType(MediaType.TEXT_HTML, java.nio.charset.StandardCharsets.UTF_8))
                .header(HttpHeaders.CACHE_CONTROL, "no-store").body(html);
    }
}
