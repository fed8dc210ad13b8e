package io.echotune.server.identity;

import io.echotune.bot.sessions.ChatSession;
import io.echotune.bot.sessions.ChatSessions;
import io.echotune.music.users.EchoUser;
import io.echotune.music.users.UserRepository;
import io.echotune.music.users.Users;
import org.springframework.stereotype.Service;

import java.util.Optional;

/** The EchoTune user behind a web visitor, and the conversations that are theirs to see. */
@Service
public class WebVisitors {

    private final Users users;
    private final UserRepository userRepository;
    private final ChatSessions sessions;

    public WebVisitors(Users users, UserRepository userRepository, ChatSessions sessions) {
        this.users = users;
        this.userRepository = userRepository;
        this.sessions = sessions;
    }

    /** The visitor's user, created on first use (the same call the conversation engine makes for a turn). */
    public EchoUser user(Visitor visitor) {
        return users.forIdentity(Visitor.CHANNEL, visitor.id(), null);
    }

    /** The visitor's user if they have ever talked to EchoTune; read paths never create users for unknown tokens. */
    public Optional<EchoUser> existingUser(Visitor visitor) {
        return userRepository.findByIdentities(Visitor.CHANNEL + ":" + visitor.id());
    }

    /**
     * A web conversation, only if it belongs to this visitor. Someone else's session and a missing one look the
     * same, so an id cannot be probed.
     */
    public Optional<ChatSession> ownedSession(Visitor visitor, String sessionId) {
        if (sessionId == null || sessionId.isBlank()) {
            return Optional.empty();
        }
        return existingUser(visitor).flatMap(user -> sessions.find(sessionId)
                .filter(s -> Visitor.CHANNEL.equals(s.channel()) && user.getId().equals(s.userId())));
    }
}
