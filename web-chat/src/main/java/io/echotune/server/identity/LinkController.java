package io.echotune.server.identity;

import io.echotune.bot.linking.IdentityLinking;
import io.echotune.bot.linking.Redemption;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * Entering a link code from the Telegram or Discord bot on the web: the visitor's web identity joins the person who
 * asked the bot for the code, so taste, history and playlists are one.
 */
@RestController
public class LinkController {

    private final IdentityLinking linking;

    public LinkController(IdentityLinking linking) {
        this.linking = linking;
    }

    public record LinkRequest(
            @NotBlank(message = "must not be empty") @Size(max = 32, message = "must be at most {max} characters") String code) {
    }

    /** @param linked whether the visitor is now linked (also true when they already were) */
    public record LinkResult(boolean linked, String message) {
    }

    @PostMapping(path = "/api/link", consumes = MediaType.APPLICATION_JSON_VALUE, produces = MediaType.APPLICATION_JSON_VALUE)
    public ResponseEntity<LinkResult> link(Visitor visitor, @Valid @RequestBody LinkRequest request) {
        Redemption redemption = linking.redeem(request.code(), Visitor.CHANNEL, visitor.id());
        LinkResult result = new LinkResult(redemption instanceof Redemption.Linked || redemption instanceof Redemption.AlreadyLinked,
                redemption.message());
        return switch (redemption) {
            case Redemption.Linked linked -> ResponseEntity.ok(result);
            case Redemption.AlreadyLinked already -> ResponseEntity.ok(result);
            case Redemption.Rejected rejected -> ResponseEntity.unprocessableEntity().body(result);
            case Redemption.TooManyAttempts tooMany -> ResponseEntity.status(HttpStatus.TOO_MANY_REQUESTS)
                    .header(HttpHeaders.RETRY_AFTER, Long.toString(tooMany.retryAfter().toSeconds())).body(result);
        };
    }
}
