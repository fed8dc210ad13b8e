package io.echotune.server.chat;

import io.echotune.bot.conversation.ChatTurn;
import io.echotune.bot.conversation.ConversationService;
import io.echotune.bot.conversation.SessionNotFoundException;
import io.echotune.bot.sessions.ChatSession;
import jakarta.validation.Valid;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import java.util.Optional;

/** The REST chat API: one turn per request, and the stored conversation. */
@RestController
public class ChatController {

    static final String CHANNEL = "rest";

    private final ConversationService conversations;

    public ChatController(ConversationService conversations) {
        this.conversations = conversations;
    }

    @PostMapping(path = "/api/chat", consumes = MediaType.APPLICATION_JSON_VALUE, produces = MediaType.APPLICATION_JSON_VALUE)
    public ChatResponse chat(@Valid @RequestBody ChatRequest request) {
        // a web conversation continues only with its visitor's token (on /ws/chat), never by its id alone
        if (request.sessionId() != null && conversations.channelOf(request.sessionId()).filter("web"::equals).isPresent()) {
            throw new SessionNotFoundException(request.sessionId());
        }
        ChatTurn turn = new ChatTurn(CHANNEL, Optional.ofNullable(request.userId()), Optional.ofNullable(request.sessionId()),
                request.message());
        return ChatResponse.of(conversations.handle(turn));
    }

    @GetMapping(path = "/api/sessions/{id}", produces = MediaType.APPLICATION_JSON_VALUE)
    public SessionView session(@PathVariable String id) {
        // web conversations belong to a visitor token and are read at /api/web/sessions/{id}, never by id alone
        ChatSession session = conversations.session(id).filter(s -> !"web".equals(s.channel()))
                .orElseThrow(() -> new SessionNotFoundException(id));
        return SessionView.of(session);
    }
}
