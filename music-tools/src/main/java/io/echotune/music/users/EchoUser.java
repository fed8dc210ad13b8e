package io.echotune.music.users;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

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
}
