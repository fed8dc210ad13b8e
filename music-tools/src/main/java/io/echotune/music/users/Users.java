package io.echotune.music.users;

import io.echotune.music.history.ListeningHistory;
import io.echotune.music.ids.DocumentIds;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;

import java.time.Clock;

/** Finds or creates the EchoTune user behind a channel identity ("web:&lt;token&gt;", "telegram:42"). */
@Service
public class Users {

    private final UserRepository repository;
    private final ListeningHistory history;
    private final Clock clock;

    public Users(UserRepository repository, ListeningHistory history, Clock clock) {
        this.repository = repository;
        this.history = history;
        this.clock = clock;
    }

    /**
     * A new user known only through the conversation that created them (a REST caller who gave no user id). Not
     * stored: no identity can ever lead back to them, so their document would be written on every such conversation
     * and never read. What is kept about them lives under their id in their conversation, history and playlists; the
     * one thing kept on a user's own document, a Spotify link, creates it then ({@code SpotifyAccounts.save}).
     */
    public EchoUser anonymous(String channel) {
        return created(new EchoUser(DocumentIds.next(), channel + ":anonymous:" + DocumentIds.next(), null, clock.instant()));
    }

    public EchoUser forIdentity(String channel, String externalId, String displayName) {
        String identity = channel + ":" + externalId;
        return repository.findByIdentities(identity).orElseGet(() -> {
            try {
                return created(repository.insert(new EchoUser(DocumentIds.next(), identity, displayName, clock.instant())));
            } catch (DuplicateKeyException raced) {
                // another request created the same identity a moment ago: use theirs
                return repository.findByIdentities(identity).orElseThrow(() -> raced);
            }
        });
    }

    /** Someone new has played and liked nothing yet: their first recommendations need not read their history. */
    private EchoUser created(EchoUser user) {
        history.userCreated(user.getId());
        return user;
    }
}
