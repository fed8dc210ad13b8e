package io.echotune.music.spotify;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.echotune.music.playlists.Playlist;
import io.echotune.music.playlists.PlaylistRepository;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Update;

import java.io.IOException;
import java.net.URI;
import java.util.List;
import java.util.Optional;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

/**
 * Saves an EchoTune playlist to the owner's Spotify library: creates a private playlist ({@code POST /v1/me/playlists})
 * and adds the tracks ({@code POST /v1/playlists/{id}/items}, 100 per request). spotify-web-api-java 9.x still sends
 * these to the retired {@code /users/{id}/playlists} and {@code /tracks} paths, so they are sent directly through
 * {@link SpotifyHttp}, with the same retries. Catalog ids are Spotify track ids, so every track maps to its URI.
 * The EchoTune playlist records the Spotify id only once everything is in; a failed export leaves it as it was,
 * ready to be exported again.
 */
public class SpotifyPlaylistExport {

    private static final Logger log = LoggerFactory.getLogger(SpotifyPlaylistExport.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int ITEMS_PER_REQUEST = 100;
    private static final int MAX_NAME = 100;
    private static final int MAX_DESCRIPTION = 300;

    private final SpotifyAccounts accounts;
    private final SpotifyClients clients;
    private final PlaylistRepository playlists;
    private final MongoTemplate mongo;

    public SpotifyPlaylistExport(SpotifyAccounts accounts, SpotifyClients clients, PlaylistRepository playlists, MongoTemplate mongo) {
        this.accounts = accounts;
        this.clients = clients;
        this.playlists = playlists;
        this.mongo = mongo;
    }

    /**
     * Exports the user's playlist, or answers the earlier export if there was one.
     *
     * @return empty when the playlist does not exist or is someone else's
     * @throws SpotifyException NOT_LINKED when the user has no linked account; UNAVAILABLE or REFUSED when Spotify
     *                          failed (the EchoTune playlist is untouched and can be exported again)
     */
    public Optional<PlaylistExport> export(String userId, String playlistId) {
        Optional<Playlist> found = playlists.findById(playlistId).filter(p -> p.userId().equals(userId));
        if (found.isEmpty()) return Optional.empty();
        Playlist playlist = found.get();
        if (playlist.spotifyPlaylist().isPresent()) {
            String id = playlist.spotifyPlaylist().get();
            return Optional.of(new PlaylistExport(playlist.id(), id, openUrl(id), playlist.trackIds().size(), true));
        }
        if (!accounts.isLinked(userId)) throw SpotifyException.notLinked();

        String spotifyId = accounts.call(userId, (api, token) -> {
            ObjectNode body = JSON.createObjectNode()
                    .put("name", clip(playlist.name(), MAX_NAME))
                    .put("description", description(playlist))
                    .put("public", false);
            JsonNode created = JSON.readTree(clients.http().sendJson("POST", clients.api("/v1/me/playlists"), token, body.toString()));
            return created.path("id").asText();
        });
        if (spotifyId.isBlank()) {
            throw SpotifyException.unavailable(new IOException("Spotify created a playlist without an id"));
        }
        try {
            List<String> uris = playlist.trackIds().stream().map(id -> "spotify:track:" + id).toList();
            for (int from = 0; from < uris.size(); from += ITEMS_PER_REQUEST) {
                List<String> chunk = uris.subList(from, Math.min(uris.size(), from + ITEMS_PER_REQUEST));
                accounts.call(userId, (api, token) -> {
                    ObjectNode body = JSON.createObjectNode();
                    chunk.forEach(body.putArray("uris")::add);
                    return clients.http().sendJson("POST", clients.api("/v1/playlists/" + spotifyId + "/items"), token, body.toString());
                });
            }
        } catch (SpotifyException e) {
            discard(userId, spotifyId);
            throw e;
        }
        mongo.updateFirst(query(where("id").is(playlist.id())), Update.update("spotifyPlaylistId", spotifyId), Playlist.class);
        log.info("Exported playlist {} of user {} to Spotify playlist {} ({} tracks)", playlist.id(), userId, spotifyId,
                playlist.trackIds().size());
        return Optional.of(new PlaylistExport(playlist.id(), spotifyId, openUrl(spotifyId), playlist.trackIds().size(), false));
    }

    /** A half-filled Spotify playlist would confuse the person; removing it (best effort) lets a retry start clean. */
    private void discard(String userId, String spotifyId) {
        try {
            accounts.call(userId, (api, token) ->
                    clients.http().sendJson("DELETE", clients.api("/v1/playlists/" + spotifyId + "/followers"), token, null));
        } catch (SpotifyException e) {
            log.warn("Could not remove half-exported Spotify playlist {} of user {}: {}", spotifyId, userId, e.getMessage());
        }
    }

    private static String description(Playlist playlist) {
        String text = playlist.description() == null ? "" : playlist.description().replaceAll("\\s+", " ").strip();
        if (!text.contains("EchoTune")) {
            text = text.isEmpty() ? "Made by EchoTune" : "Made by EchoTune: " + text;
        }
        return clip(text, MAX_DESCRIPTION);
    }

    private static String clip(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max - 1) + "…";
    }

    private static URI openUrl(String spotifyPlaylistId) {
        return URI.create("https://open.spotify.com/playlist/" + spotifyPlaylistId);
    }
}
