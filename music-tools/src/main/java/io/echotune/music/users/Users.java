package io.echotune.music.users;

import io.echotune.music.ids.DocumentIds;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;

import java.time.Clock;

/** Finds or creates the EchoTune user behind a channel identity ("web:&lt;token&gt;", "telegram:42"). */
@Service
public class Users {

    private final UserRepository repository;
    private final Clock clock;

    public Users(UserRepository repository, Clock clock) {
        this.repository = repository;
        this.clock = clock;
    }

    /** A new user known only through the session that created them (a web visitor with no account). */
    public EchoUser anonymous(String channel) {
        return repository.insert(new EchoUser(DocumentIds.next(), channel + ":anonymous:" + DocumentIds.next(), null, clock.instant()));
    }

    public EchoUser forIdentity(String channel, String externalId, String displayName) {
        String identity = channel + ":" + externalId;
        return repository.findByIdentities(identity).orElseGet(() -> {
            try {
                return repository.insert(new EchoUser(DocumentIds.next(), identity, displayName, clock.instant()));
            } catch (DuplicateKeyException raced) {
                // another request created the same identity a moment ago: use theirs
                return repository.findByIdentities(identity).orElseThrow(() -> raced);
            }
        });
    }
}
