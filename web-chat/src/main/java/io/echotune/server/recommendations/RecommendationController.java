package io.echotune.server.recommendations;

import io.echotune.music.recommend.RecommendRequest;
import io.echotune.music.tools.MusicTools;
import io.echotune.server.chat.TrackView;
import io.echotune.server.identity.Visitor;
import io.echotune.server.identity.WebVisitors;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.springframework.http.MediaType;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;

/**
 * "Now recommended for you": picks for the web visitor from their taste so far (popular tracks until they have
 * one). A minimal endpoint over {@link MusicTools#recommend}; the recommender service may replace its body.
 */
@RestController
@Validated
public class RecommendationController {

    private final MusicTools tools;
    private final WebVisitors visitors;

    public RecommendationController(MusicTools tools, WebVisitors visitors) {
        this.tools = tools;
        this.visitors = visitors;
    }

    @GetMapping(path = "/api/recommendations", produces = MediaType.APPLICATION_JSON_VALUE)
    public List<TrackView> recommendations(
            Visitor visitor,
            @RequestParam(defaultValue = "10") @Min(value = 1, message = "must be at least 1") @Max(value = 50, message = "must be at most {value}") int limit) {
        String userId = visitors.user(visitor).getId();
        return tools.recommend(userId, RecommendRequest.ofCount(limit)).stream()
                .map(r -> TrackView.of(r.track(), r.reason())).toList();
    }
}
