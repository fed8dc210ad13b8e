package io.echotune.server.recommendations;

import io.echotune.music.mood.Activity;
import io.echotune.music.mood.FeatureTargets;
import io.echotune.music.mood.Mood;
import io.echotune.music.recommend.RecommendRequest;
import io.echotune.music.tools.MusicTools;
import io.echotune.music.users.Users;
import io.echotune.server.chat.TrackView;
import io.echotune.server.errors.NotFoundException;
import io.echotune.server.identity.BearerToken;
import io.echotune.server.identity.VisitorTokens;
import io.echotune.server.identity.WebVisitors;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

/**
 * "Recommended for you": picks from the same recommender every planner uses ({@link MusicTools#recommend}: cached,
 * recorded in {@code recommendations}), optionally steered by a mood or activity, a genre and a seed track. The caller
 * is either a REST client naming its own user with {@code userId} (as in {@code POST /api/chat}) or a web visitor with
 * their bearer token (what the web app sends).
 */
@RestController
@Validated
public class RecommendationController {

    static final String REST_CHANNEL = "rest";

    private final MusicTools tools;
    private final WebVisitors visitors;
    private final VisitorTokens tokens;
    private final Users users;

    public RecommendationController(MusicTools tools, WebVisitors visitors, VisitorTokens tokens, Users users) {
        this.tools = tools;
        this.visitors = visitors;
        this.tokens = tokens;
        this.users = users;
    }

    @GetMapping(path = "/api/recommendations", produces = MediaType.APPLICATION_JSON_VALUE)
    public List<TrackView> recommendations(
            @RequestHeader(value = HttpHeaders.AUTHORIZATION, required = false) String authorization,
            @RequestParam(required = false) @Pattern(regexp = "[A-Za-z0-9_.@:-]{1,128}",
                    message = "may only contain letters, digits and _ . @ : - (at most 128)") String userId,
            @RequestParam(defaultValue = "10") @Min(value = 1, message = "must be at least 1") @Max(value = 50, message = "must be at most {value}") int limit,
            @RequestParam(required = false) @Pattern(regexp = "[A-Za-z ]{1,30}", message = "must be a mood or activity word such as calm or workout") String mood,
            @RequestParam(required = false) @Pattern(regexp = "[A-Za-z0-9&' -]{1,40}", message = "must be a genre name such as rock or hip hop") String genre,
            @RequestParam(required = false) @Pattern(regexp = "[A-Za-z0-9]{1,64}", message = "must be a track id from the catalog") String seedTrack) {
        String user = caller(authorization, userId);
        Optional<String> moodWord = Optional.ofNullable(mood).map(m -> m.strip().toLowerCase(Locale.ROOT));
        FeatureTargets targets = moodWord.map(RecommendationController::targets).orElse(FeatureTargets.NONE);
        Optional<String> wantedGenre = Optional.ofNullable(genre).map(g -> g.strip().toLowerCase(Locale.ROOT));
        wantedGenre.filter(g -> !tools.hasGenre(g)).ifPresent(g -> {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "The catalog has no genre \"" + g + "\".");
        });
        Optional<String> seed = Optional.ofNullable(seedTrack);
        seed.filter(id -> tools.track(id).isEmpty()).ifPresent(id -> {
            throw new NotFoundException("There is no track " + id + " in the catalog.");
        });
        RecommendRequest request = new RecommendRequest(seed.stream().toList(), List.of(), wantedGenre.stream().toList(), targets,
                moodWord.stream().toList(), Optional.empty(), seed.map(Set::of).orElse(Set.of()), limit);
        return tools.recommend(user, request).stream().map(r -> TrackView.of(r.track(), r.reason())).toList();
    }

    private String caller(String authorization, String userId) {
        if (userId != null) {
            return users.forIdentity(REST_CHANNEL, userId, null).getId();
        }
        return BearerToken.of(authorization).flatMap(tokens::visitor).map(v -> visitors.user(v).getId()).orElseThrow(() -> new ResponseStatusException(
                HttpStatus.UNAUTHORIZED, "Say who the recommendations are for: a userId parameter, or a visitor token from "
                + "POST /api/web/visitors sent as Authorization: Bearer <token>."));
    }

    private static FeatureTargets targets(String word) {
        return Stream.concat(Arrays.stream(Mood.values()).filter(m -> m.label().equals(word)).map(Mood::targets),
                        Arrays.stream(Activity.values()).filter(a -> a.label().equals(word)).map(Activity::targets))
                .findFirst().orElseThrow(() -> new ResponseStatusException(HttpStatus.BAD_REQUEST, "Unknown mood \"" + word
                        + "\": use one of " + String.join(", ", Stream.concat(Arrays.stream(Mood.values()).map(Mood::label),
                        Arrays.stream(Activity.values()).map(Activity::label)).toList()) + "."));
    }
}
