package io.echotune.bot.conversation;

import io.echotune.bot.nlu.Intent;
import io.echotune.bot.nlu.Nlu;
import io.echotune.bot.nlu.NluContext;
import io.echotune.bot.nlu.Understanding;
import io.echotune.bot.planner.PlannedReply;
import io.echotune.bot.planner.Planner;
import io.echotune.bot.planner.PlanningInput;
import io.echotune.bot.sessions.ChatSession;
import io.echotune.bot.sessions.ChatSessions;
import io.echotune.bot.sessions.SessionContext;
import io.echotune.bot.sessions.SessionTurn;
import io.echotune.music.turns.TurnSlots;
import io.echotune.music.users.EchoUser;
import io.echotune.music.users.Users;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Service;

import java.time.Clock;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The one entry point for every channel: understands the message, lets the planner call the music tools,
 * stores the turn in {@code chat_sessions} and only then returns the reply.
 */
@Service
public class ConversationService {

    private final Nlu nlu;
    private final Planner planner;
    private final ChatSessions sessions;
    private final Users users;
    private final Clock clock;
    /** Chat-turn metrics (issue 9); absent outside a server, e.g. in unit tests that build the service by hand. */
    private MeterRegistry meters;
    /** How many turns compute at once (see {@link TurnSlots}); unbounded when the service is built by hand. */
    private TurnSlots slots;

    public ConversationService(Nlu nlu, Planner planner, ChatSessions sessions, Users users, Clock clock) {
        this.nlu = nlu;
        this.planner = planner;
        this.sessions = sessions;
        this.users = users;
        this.clock = clock;
    }

    public ChatReply handle(ChatTurn turn) {
        return handle(turn, text -> { });
    }

    @Autowired(required = false)
    void meters(MeterRegistry meters) {
        this.meters = meters;
    }

    @Autowired(required = false)
    void slots(TurnSlots slots) {
        this.slots = slots;
    }

    /**
     * Handles a turn, passing the reply text to {@code partialText} as it is produced (for channels that can
     * show a reply while it streams in). The returned reply is complete and already stored.
     */
    public ChatReply handle(ChatTurn turn, Consumer<String> partialText) {
        if (meters == null) {
            return answerInSlot(turn, partialText).reply();
        }
        // echotune.chat.turn{channel, intent, planner, outcome}: count and latency of every turn, whatever its end
        Timer.Sample sample = Timer.start(meters);
        String outcome = "error";
        String intent = "none";
        String answeredBy = planner.name();
        try {
            Answered answered = answerInSlot(turn, partialText);
            outcome = "ok";
            intent = answered.reply().intent();
            answeredBy = answered.planner();
            return answered.reply();
        } catch (SessionNotFoundException e) {
            outcome = "session_not_found";
            throw e;
        } catch (IllegalArgumentException e) {
            outcome = "rejected";
            throw e;
        } finally {
            sample.stop(meters.timer("echotune.chat.turn", "channel", String.valueOf(turn.channel()), "intent", intent,
                    "planner", answeredBy, "outcome", outcome));
        }
    }

    /** The turn's latency includes its wait in line for a slot: the person waits for that too. */
    private Answered answerInSlot(ChatTurn turn, Consumer<String> partialText) {
        return slots == null ? answer(turn, partialText) : slots.run(() -> answer(turn, partialText));
    }

    /** A stored reply and the planner that really produced it (the LLM planner may have fallen back to rules). */
    private record Answered(ChatReply reply, String planner) {
    }

    private Answered answer(ChatTurn turn, Consumer<String> partialText) {
        String text = turn.text() == null ? "" : turn.text().strip();
        if (text.isEmpty()) {
            throw new IllegalArgumentException("The message is empty.");
        }
        if (text.length() > ChatTurn.MAX_TEXT_LENGTH) {
            throw new IllegalArgumentException("The message is longer than " + ChatTurn.MAX_TEXT_LENGTH + " characters.");
        }
        Optional<EchoUser> caller = turn.externalId().map(id -> users.forIdentity(turn.channel(), id, null));
        boolean continuing = turn.sessionId().isPresent();
        ChatSession session = turn.sessionId()
                .map(id -> sessions.findWithoutTurns(id)
                        .filter(s -> caller.isEmpty() || s.userId().equals(caller.get().getId()))
                        .orElseThrow(() -> new SessionNotFoundException(id)))
                .orElseGet(() -> sessions.start(caller.orElseGet(() -> users.anonymous(turn.channel())).getId(), turn.channel()));
        String userId = session.userId();

        SessionContext context = session.context();
        NluContext nluContext = new NluContext(context.intent().flatMap(Intent::fromLabel), context.shownTrackIds().size());
        Understanding understanding = nlu.understand(text, nluContext);
        PlannedReply planned = planner.plan(new PlanningInput(userId, session.id(), text, understanding, context), partialText);

        String intent = understanding.intent().label();
        String answeredBy = planned.plannerName(planner.name());
        SessionTurn stored = new SessionTurn(clock.instant(), text, planned.text(), intent, understanding.confidence(),
                understanding.sentiment().polarity().name().toLowerCase(), understanding.sentiment().score(), answeredBy,
                planned.tracks().stream().map(t -> t.track().id()).toList(),
                planned.playlist().map(p -> p.playlist().id()).orElse(null));
        if (continuing) {
            sessions.append(session.id(), stored, planned.nextContext().withIntent(intent));
        } else {
            sessions.appendFirst(session, stored, planned.nextContext().withIntent(intent));
        }

        return new Answered(new ChatReply(session.id(), planned.text(), planned.tracks(), planned.playlist(), intent,
                understanding.sentiment(), planned.suggestions()), answeredBy);
    }

    /** A stored conversation. Its random id is the key to it, as for a shared document link. */
    public Optional<ChatSession> session(String sessionId) {
        return sessions.find(sessionId);
    }

    /** The channel a stored conversation belongs to, read without its turns (for a channel's own access rules). */
    public Optional<String> channelOf(String sessionId) {
        return sessions.findWithoutTurns(sessionId).map(ChatSession::channel);
    }
}
