package io.echotune.server.playlists;

import io.echotune.music.playlists.PlaylistBuilder;
import io.echotune.server.errors.NotFoundException;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/** Playlists built in conversations. */
@RestController
public class PlaylistController {

    private final PlaylistBuilder playlists;

    public PlaylistController(PlaylistBuilder playlists) {
        this.playlists = playlists;
    }

    @GetMapping(path = "/api/playlists/{id}", produces = MediaType.APPLICATION_JSON_VALUE)
    public PlaylistView playlist(@PathVariable String id) {
        return playlists.find(id)
                .map(p -> PlaylistView.of(p, playlists.tracks(p)))
                .orElseThrow(() -> new NotFoundException("No playlist with id " + id));
    }
}
