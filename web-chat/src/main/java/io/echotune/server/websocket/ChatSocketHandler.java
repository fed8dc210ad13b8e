package io.echotune.server.websocket;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.echotune.bot.conversation.ChatReply;
import io.echotune.bot.conversation.ChatTurn;
import io.echotune.bot.conversation.ConversationService;
import io.echotune.bot.conversation.SessionNotFoundException;
import io.echotune.bot.limits.Verdict;
import io.echotune.server.chat.ChatResponse;
import io.echotune.server.errors.NotFoundException;
import io.echotune.server.identity.Visitor;
import io.echotune.server.identity.VisitorTokens;
import io.echotune.server.identity.WebVisitors;
import io.echotune.server.limits.RequestLimits;
import io.echotune.server.observability.CorrelationIdFilter;
import io.echotune.server.web.TrackFeedback;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.stereotype.Component;
import org.springframework.web.socket.CloseStatus;
import org.springframework.web.socket.TextMessage;
import org.springframework.web.socket.WebSocketSession;
import org.springframework.web.socket.handler.ConcurrentWebSocketSessionDecorator;
import org.springframework.web.socket.handler.TextWebSocketHandler;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * The web chat over WebSocket: the reply text streams in as the planner produces it ({@code delta}), then the
 * structured reply follows ({@code reply}: track cards, playlist, suggestions), in the same JSON as {@code POST /api/chat}.
 * A connection starts with {@code hello}; a reconnecting browser names its conversation there and continues it.
 *
 * <p>Frames of one connection are handled one after another (the container does not read the next frame while a
 * turn is being answered), so turns of a conversation keep their order.
 */
@Component
public class ChatSocketHandler extends TextWebSocketHandler {

    private static final Logger log = LoggerFactory.getLogger(ChatSocketHandler.class);
    private static final String VISITOR = "visitor";
    private static final String SESSION = "chatSession";
    private static final String SENDER = "sender";
    /** Custom close code: the hello carried no valid token; the client fetches a new one. */
    static final CloseStatus BAD_TOKEN = new CloseStatus(4401, "visitor token missing or invalid");
    private static final int SEND_TIME_LIMIT_MS = 10_000;
    private static final int SEND_BUFFER_BYTES = 512 * 1024;

    private final ConversationService conversations;
    private final VisitorTokens tokens;
    private final WebVisitors visitors;
    private final TrackFeedback feedback;
    private final ObjectMapper json;
    private final RequestLimits limits;

    public ChatSocketHandler(ConversationService conversations, VisitorTokens tokens, WebVisitors visitors,
                             TrackFeedback feedback, ObjectMapper json, RequestLimits limits) {
        this.limits = limits;
        this.conversations = conversations;
        this.tokens = tokens;
        this.visitors = visitors;
        this.feedback = feedback;
        this.json = json;
    }

    @Override
    public void afterConnectionEstablished(WebSocketSession session) {
        session.getAttributes().put(SENDER, new ConcurrentWebSocketSessionDecorator(session, SEND_TIME_LIMIT_MS, SEND_BUFFER_BYTES));
    }

    @Override
    protected void handleTextMessage(WebSocketSession session, TextMessage frame) throws IOException {
        SocketMessage message;
        try {
            message = json.readValue(frame.getPayload(), SocketMessage.class);
        } catch (JsonProcessingException e) {
            send(session, error(null, "bad_message", "That message could not be read: send JSON such as {\"type\":\"message\",\"text\":\"hi\"}."));
            return;
        }
        String type = message.type() == null ? "" : message.type();
        if (type.equals("hello")) {
            hello(session, message);
            return;
        }
        if (type.equals("ping")) {
            send(session, Map.of("type", "pong"));
            return;
        }
        Visitor visitor = (Visitor) session.getAttributes().get(VISITOR);
        if (visitor == null) {
            send(session, error(message.id(), "hello_first", "Say hello first: {\"type\":\"hello\",\"token\":\"…\"}."));
            return;
        }
        switch (type) {
            case "message" -> turn(session, visitor, message);
            case "feedback" -> feedback(session, visitor, message);
            default -> send(session, error(message.id(), "bad_message", "Unknown message type '" + type + "'."));
        }
    }

    private void hello(WebSocketSession session, SocketMessage message) throws IOException {
        Optional<Visitor> visitor = tokens.visitor(message.token());
        if (visitor.isEmpty()) {
            send(session, error(null, "bad_token", "Your visitor token is missing or invalid; get a new one from POST /api/web/visitors."));
            session.close(BAD_TOKEN);
            return;
        }
        session.getAttributes().put(VISITOR, visitor.get());
        session.getAttributes().remove(SESSION); // a hello without a session id starts a new conversation ("New chat")
        Map<String, Object> ready = new LinkedHashMap<>();
        ready.put("type", "ready");
        if (message.sessionId() != null) {
            Optional<String> owned = visitors.ownedSession(visitor.get(), message.sessionId()).map(s -> s.id());
            owned.ifPresent(id -> session.getAttributes().put(SESSION, id));
            ready.put("resumed", owned.isPresent());
        }
        ready.put("sessionId", session.getAttributes().get(SESSION));
        send(session, ready);
    }

    private void turn(WebSocketSession session, Visitor visitor, SocketMessage message) throws IOException {
        String text = message.text() == null ? "" : message.text().strip();
        if (text.isEmpty() || text.length() > ChatTurn.MAX_TEXT_LENGTH) {
            send(session, error(message.id(), "bad_message", text.isEmpty()
                    ? "The message is empty." : "The message is longer than " + ChatTurn.MAX_TEXT_LENGTH + " characters."));
            return;
        }
        Verdict allowed = limits.chatTurn(visitor); // the same per-visitor bucket as POST /api/chat
        if (!allowed.allowed()) {
            send(session, error(message.id(), "rate_limited", "You are sending messages faster than I can keep up with; try again in "
                    + allowed.retryAfterSeconds() + " seconds."));
            return;
        }
        String sessionId = (String) session.getAttributes().get(SESSION);
        ChatTurn turn = new ChatTurn(Visitor.CHANNEL, Optional.of(visitor.id()), Optional.ofNullable(sessionId), text);
        // one correlation id per turn, as the HTTP filter gives one per request: on the turn's log lines and in its reply
        String correlationId = UUID.randomUUID().toString();
        MDC.put(CorrelationIdFilter.MDC_KEY, correlationId);
        try {
            ChatReply reply = conversations.handle(turn, partial -> sendQuietly(session, Map.of("type", "delta", "id", idOf(message), "text", partial)));
            session.getAttributes().put(SESSION, reply.sessionId());
            send(session, Map.of("type", "reply", "id", idOf(message), "reply", ChatResponse.of(reply), "correlationId", correlationId));
        } catch (SessionNotFoundException e) {
            session.getAttributes().remove(SESSION);
            send(session, error(message.id(), "session_not_found", "That conversation is not available any more; your next message starts a new one."));
        } catch (IllegalArgumentException e) {
            send(session, error(message.id(), "bad_message", e.getMessage()));
        } catch (RuntimeException e) {
            log.error("Unexpected error while answering a web chat turn", e);
            send(session, error(message.id(), "server_error", "Something went wrong on our side. Please try again in a moment."));
        } finally {
            MDC.remove(CorrelationIdFilter.MDC_KEY);
        }
    }

    private void feedback(WebSocketSession session, Visitor visitor, SocketMessage message) throws IOException {
        if (message.liked() == null) {
            send(session, error(message.id(), "bad_message", "Feedback needs liked: true (👍) or false (👎)."));
            return;
        }
        try {
            TrackFeedback.Saved saved = feedback.save(visitor, message.trackId(), message.liked());
            send(session, Map.of("type", "feedback", "trackId", saved.trackId(), "liked", saved.liked()));
        } catch (NotFoundException e) {
            send(session, error(message.id(), "track_not_found", e.getMessage()));
        }
    }

    @Override
    public void handleTransportError(WebSocketSession session, Throwable exception) {
        log.debug("Web chat connection {} failed: {}", session.getId(), exception.toString());
    }

    @Override
    public void afterConnectionClosed(WebSocketSession session, CloseStatus status) {
        session.getAttributes().remove(SENDER);
    }

    private static String idOf(SocketMessage message) {
        return message.id() == null ? "" : message.id();
    }

    private static Map<String, Object> error(String id, String code, String text) {
        Map<String, Object> error = new LinkedHashMap<>();
        error.put("type", "error");
        if (id != null) {
            error.put("id", id);
        }
        error.put("code", code);
        error.put("message", text);
        return error;
    }

    private void send(WebSocketSession session, Object payload) throws IOException {
        WebSocketSession sender = (WebSocketSession) session.getAttributes().getOrDefault(SENDER, session);
        if (sender.isOpen()) {
            sender.sendMessage(new TextMessage(json.writeValueAsString(payload)));
        }
    }

    /** For streamed text: a browser that went away mid-reply must not stop the turn from being stored. */
    private void sendQuietly(WebSocketSession session, Object payload) {
        try {
            send(session, payload);
        } catch (IOException | RuntimeException e) {
            log.debug("Could not stream to web chat connection {}: {}", session.getId(), e.toString());
        }
    }
}
