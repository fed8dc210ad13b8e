package io.echotune.server.catalog;

import io.echotune.music.tools.MusicTools;
import io.echotune.server.chat.TrackView;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.springframework.http.MediaType;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;

/** Catalog search for clients that want tracks without a conversation. */
@RestController
@Validated
public class TrackSearchController {

    private final MusicTools tools;

    public TrackSearchController(MusicTools tools) {
        this.tools = tools;
    }

    @GetMapping(path = "/api/tracks/search", produces = MediaType.APPLICATION_JSON_VALUE)
    public List<TrackView> search(
            @RequestParam @NotBlank(message = "must not be empty") @Size(max = 200, message = "must be at most {max} characters") String q,
            @RequestParam(defaultValue = "10") @Min(value = 1, message = "must be at least 1") @Max(value = MusicTools.MAX_SEARCH_RESULTS, message = "must be at most {value}") int limit) {
        return tools.searchTracks(q, limit).stream().map(t -> TrackView.of(t, null)).toList();
    }
}
