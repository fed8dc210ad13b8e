package io.echotune.music.users;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A person using EchoTune. One document per person, whatever channels they talk on: {@code identities}
 * holds one "channel:external-id" entry per linked channel account (e.g. "telegram:1234").
 */
@Document("users")
public class EchoUser {

    @Id
    private String id;
    private String displayName;
    @Indexed(unique = true, sparse = true)
    private List<String> identities = new ArrayList<>();
    private List<String> favouriteGenres = new ArrayList<>();
    private Instant createdAt;
    private Instant lastSeenAt;
    /** The linked Spotify account; absent until the person links one, removed when they unlink. */
    private SpotifyLink spotify;

    protected EchoUser() {
    }

    public EchoUser(String id, String identity, String displayName, Instant now) {
        this.id = id;
        this.identities.add(identity);
        this.displayName = displayName;
        this.createdAt = now;
        this.lastSeenAt = now;
    }

    public String getId() { return id; }
    public String getDisplayName() { return displayName; }
    public List<String> getIdentities() { return identities; }
    public List<String> getFavouriteGenres() { return favouriteGenres; }
    public Instant getCreatedAt() { return createdAt; }
    public Instant getLastSeenAt() { return lastSeenAt; }

    public void seen(Instant now) {
        this.lastSeenAt = now;
    }

    /** The linked Spotify account, if any. Written only through io.echotune.music.spotify.SpotifyAccounts. */
    public Optional<SpotifyLink> spotifyLink() {
        return Optional.ofNullable(spotify);
    }

    /**
     * A linked Spotify account. The tokens are sealed with AES-GCM (io.echotune.music.spotify.TokenCipher) and
     * never stored or logged in the clear.
     *
     * @param spotifyUserId  the Spotify account's user id
     * @param displayName    its display name, to tell the person which account is linked
     * @param accessToken    sealed access token
     * @param refreshToken   sealed refresh token
     * @param expiresAt      when the access token stops working
     * @param scope          the scopes Spotify granted
     * @param linkedAt       when the person linked it
     * @param lastImportAt   when their listening history was last imported, null before the first import
     */
    public record SpotifyLink(String spotifyUserId, String displayName, String accessToken, String refreshToken,
                              Instant expiresAt, String scope, Instant linkedAt, Instant lastImportAt) {
    }
}
