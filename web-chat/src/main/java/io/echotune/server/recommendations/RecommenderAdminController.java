package io.echotune.server.recommendations;

import io.echotune.music.recommend.CollaborativeModel;
import io.echotune.music.recommend.RecommenderModels;
import io.echotune.music.recommend.RecommenderProperties;
import io.echotune.server.identity.BearerToken;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Optional;

/**
 * Retrains the recommender on demand ({@code POST /api/admin/recommender/retrain}, answered at once with 202: the
 * training runs in the background) and shows which model serves. For the holder of {@code ECHOTUNE_ADMIN_TOKEN}, or,
 * with no token set, for callers on the server's own machine.
 */
@RestController
public class RecommenderAdminController {

    private final RecommenderModels models;
    private final Optional<byte[]> token;

    public RecommenderAdminController(RecommenderModels models, RecommenderProperties properties) {
        this.models = models;
        this.token = Optional.ofNullable(properties.adminToken()).filter(t -> !t.isBlank())
                .map(t -> t.strip().getBytes(StandardCharsets.UTF_8));
    }

    /** What serves now and what the last training did. */
    public record Status(String algorithmVersion, Instant trainedAt, Integer users, Integer tracks, Integer feedbackPairs,
                         Instant lastRunAt, Boolean lastRunSwapped, String lastRunFailure, String training) {
    }

    @PostMapping(path = "/api/admin/recommender/retrain", produces = MediaType.APPLICATION_JSON_VALUE)
    public ResponseEntity<Status> retrain(@RequestHeader(value = HttpHeaders.AUTHORIZATION, required = false) String authorization,
                                          HttpServletRequest request) {
        authorize(authorization, request);
        models.retrainInBackground();
        return ResponseEntity.status(HttpStatus.ACCEPTED).body(status("started"));
    }

    @GetMapping(path = "/api/admin/recommender", produces = MediaType.APPLICATION_JSON_VALUE)
    public Status status(@RequestHeader(value = HttpHeaders.AUTHORIZATION, required = false) String authorization,
                         HttpServletRequest request) {
        authorize(authorization, request);
        return status(null);
    }

    private Status status(String training) {
        Optional<CollaborativeModel> m = models.current();
        var last = models.lastOutcome();
        return new Status(m.map(CollaborativeModel::algorithmVersion).orElse("content-v1"),
                m.map(CollaborativeModel::trainedAt).orElse(null), m.map(CollaborativeModel::users).orElse(null),
                m.map(CollaborativeModel::tracks).orElse(null), m.map(CollaborativeModel::events).orElse(null),
                last.map(o -> o.at()).orElse(null), last.map(o -> o.swapped()).orElse(null),
                last.flatMap(o -> o.failure()).orElse(null), training);
    }

    private void authorize(String authorization, HttpServletRequest request) {
        if (token.isPresent()) {
            if (!BearerToken.presents(authorization, token.get())) {
                throw new ResponseStatusException(HttpStatus.UNAUTHORIZED, "This needs Authorization: Bearer <ECHOTUNE_ADMIN_TOKEN>.");
            }
            return;
        }
        if (!loopback(request.getRemoteAddr())) {
            throw new ResponseStatusException(HttpStatus.FORBIDDEN,
                    "Recommender administration is open only on the server's own machine until ECHOTUNE_ADMIN_TOKEN is set.");
        }
    }

    private static boolean loopback(String address) {
        try {
            return InetAddress.getByName(address).isLoopbackAddress();
        } catch (UnknownHostException e) {
            return false;
        }
    }
}
