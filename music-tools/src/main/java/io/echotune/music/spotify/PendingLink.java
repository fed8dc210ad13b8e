package io.echotune.music.spotify;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;

import java.time.Instant;

/**
 * A "link my Spotify" link handed out and not yet used. The link token opens the login; {@code state} travels
 * through Spotify's authorize page and comes back to the callback, where the document is taken (once) and its
 * PKCE code verifier proves the code exchange is ours. Expired documents are removed by a TTL index.
 *
 * @param token         the random token in the login link (the document id)
 * @param userId        the EchoTune user the Spotify account will be linked to
 * @param state         the random OAuth state sent to Spotify
 * @param codeVerifier  the PKCE code verifier, sealed with the token as owner
 * @param expiresAt     after this the link and the state are refused
 */
@Document("spotify_link_requests")
public record PendingLink(
        @Id String token,
        String userId,
        @Indexed(unique = true) String state,
        String codeVerifier,
        @Indexed(expireAfter = "0s") Instant expiresAt) {
}
