package io.echotune.bot.llm;

import dev.langchain4j.data.message.AiMessage;
import dev.langchain4j.data.message.ChatMessage;
import dev.langchain4j.data.message.TextContent;
import dev.langchain4j.data.message.ToolExecutionResultMessage;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.service.AiServices;
import dev.langchain4j.service.tool.ToolErrorHandlerResult;
import io.echotune.bot.planner.MusicRequests;
import io.echotune.bot.planner.PlannedReply;
import io.echotune.bot.planner.Planner;
import io.echotune.bot.planner.PlanningInput;
import io.echotune.bot.planner.RulePlanner;
import io.echotune.bot.sessions.ChatSessions;
import io.echotune.music.catalog.Catalog;
import io.echotune.music.catalog.Track;
import io.echotune.music.tools.MusicTools;
import io.echotune.music.turns.TurnSlots;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * Plans a turn with a language model: LangChain4j's {@code AiServices} lets the model call the music tools
 * ({@link TurnTools}) and write the reply, with the NLU result and the person's taste in the system message
 * and the conversation's memory in MongoDB. When the provider fails after its retries, the RulePlanner
 * answers the turn with a short note; the person always gets a reply.
 */
public class LlmPlanner implements Planner {

    private static final Logger log = LoggerFactory.getLogger(LlmPlanner.class);
    static final String OFFLINE_NOTE = "(My language model couldn't finish this one, so here's a quick offline answer.)\n";

    private final LanguageModels models;
    private final MusicTools tools;
    private final MusicRequests requests;
    private final Catalog catalog;
    private final RulePlanner fallback;
    private final SessionMemoryStore memory;
    private final ReplyGuard guard;
    private final int maxToolCalls;
    private final Duration streamLimit;

    public LlmPlanner(LanguageModels models, LlmProperties properties, MusicTools tools, Catalog catalog,
                      RulePlanner fallback, ChatSessions sessions) {
        // one turn adds the question, a request and a result per tool call, and the answer: it must fit the window
        int turnMessages = 2 * properties.maxToolCalls() + 2;
        if (properties.maxToolCalls() < 1 || properties.memoryMessages() < turnMessages + 2) {
            throw new IllegalStateException("echotune.llm.max-tool-calls must be at least 1 and echotune.llm.memory-messages at least "
                    + (turnMessages + 2) + " (2 × max-tool-calls + 4)");
        }
        this.models = models;
        this.tools = tools;
        this.requests = new MusicRequests(tools);
        this.catalog = catalog;
        this.fallback = fallback;
        this.memory = new SessionMemoryStore(sessions, properties.memoryMessages());
        this.guard = new ReplyGuard(AgentPrompt.INSTRUCTIONS, List.of(
                nullToEmpty(properties.openai().apiKey()), nullToEmpty(properties.gemini().apiKey())));
        this.maxToolCalls = properties.maxToolCalls();
        // one streamed turn: every model call of the tool loop may take the full timeout, plus the retry budget
        this.streamLimit = properties.timeout().multipliedBy(maxToolCalls + 2L).plus(properties.retryBudget());
    }

    @Override
    public String name() {
        return models.provider();
    }

    @Override
    public PlannedReply plan(PlanningInput input) {
        return run(input, Optional.empty());
    }

    @Override
    public PlannedReply plan(PlanningInput input, Consumer<String> partialText) {
        if (models.streaming().isEmpty()) {
            return Planner.super.plan(input, partialText);
        }
        return run(input, Optional.of(partialText));
    }

    private PlannedReply run(PlanningInput in, Optional<Consumer<String>> partialText) {
        TurnTools turn = new TurnTools(tools, requests, catalog, in, maxToolCalls);
        List<ChatMessage> before = memory.getMessages(in.sessionId());
        String system = AgentPrompt.system(in, shownBefore(in), tools.myTopTracks(in.userId(), 5));
        MusicAgent agent = agent(turn, system);
        ReplyGuard.StreamState stream = new ReplyGuard.StreamState();
        try {
            String text = partialText.isPresent()
                    ? stream(agent, in, guard.streaming(partialText.get(), stream))
                    : agent.chat(in.sessionId(), TextContent.from(in.text()));
            String clean = guard.clean(text);
            PlannedReply reply = turn.reply(clean.isBlank() ? turn.composedText() : clean);
            if (!clean.equals(text) || clean.isBlank()) {
                // the memory must hold what the person saw, not a leak the guard stopped
                remember(in, before, reply.text());
            }
            partialText.ifPresent(p -> ReplyGuard.finish(p, stream, reply.text()));
            return reply;
        } catch (RuntimeException e) {
            log.warn("Language model '{}' could not finish a turn ({}: {}); answering without it",
                    models.provider(), e.getClass().getSimpleName(), guard.mask(e.getMessage()));
            PlannedReply offline = offline(in, turn);
            remember(in, before, offline.text());
            partialText.ifPresent(p -> ReplyGuard.finish(p, stream, offline.text()));
            return offline;
        }
    }

    private MusicAgent agent(TurnTools turn, String system) {
        AiServices<MusicAgent> builder = AiServices.builder(MusicAgent.class)
                .chatModel(models.chat())
                .tools(turn)
                .chatMemoryProvider(memory::memory)
                .systemMessageProvider(id -> system)
                // a model that keeps calling tools gets "limit used up" results (TurnTools), then is stopped here
                .maxSequentialToolsInvocations(maxToolCalls + 1)
                .toolExecutionErrorHandler((error, context) -> ToolErrorHandlerResult.text(
                        "Error: " + Optional.ofNullable(error.getMessage()).orElse(error.getClass().getSimpleName())))
                .toolArgumentsErrorHandler((error, context) -> ToolErrorHandlerResult.text(
                        "Error in the arguments: " + Optional.ofNullable(error.getMessage()).orElse("they could not be read")))
                .hallucinatedToolNameStrategy(request -> ToolExecutionResultMessage.from(request,
                        "Error: there is no tool called " + request.name()));
        models.streaming().ifPresent(builder::streamingChatModel);
        return builder.build();
    }

    /** Streams the model's text through the guard; the reply is everything the model said in this turn. */
    private String stream(MusicAgent agent, PlanningInput in, Consumer<String> guarded) {
        StringBuilder said = new StringBuilder();
        CompletableFuture<Void> done = new CompletableFuture<>();
        agent.chatStreaming(in.sessionId(), TextContent.from(in.text()))
                .onPartialResponse(token -> {
                    said.append(token);
                    guarded.accept(token);
                })
                .onIntermediateResponse(step -> {
                    // text the model said before calling tools ("Let me look…") ends a paragraph
                    if (!said.isEmpty() && !Character.isWhitespace(said.charAt(said.length() - 1))) {
                        said.append("\n\n");
                        guarded.accept("\n\n");
                    }
                })
                .onCompleteResponse(response -> done.complete(null))
                .onError(done::completeExceptionally)
                .start();
        // the model streams (and calls tools) on the HTTP client's threads; this one only waits, without its slot
        try (var away = TurnSlots.away()) {
            done.get(streamLimit.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException re ? re : new IllegalStateException(e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while the reply was streaming", e);
        } catch (java.util.concurrent.TimeoutException e) {
            throw new IllegalStateException("The streamed reply took longer than " + streamLimit, e);
        }
        return said.toString();
    }

    /**
     * The turn without the model: what the tools already did if they ran (so nothing is done twice), otherwise
     * the RulePlanner's answer.
     */
    private PlannedReply offline(PlanningInput in, TurnTools turn) {
        if (turn.hasResults()) {
            return turn.reply(OFFLINE_NOTE + turn.composedText()).answeredBy(fallback.name());
        }
        PlannedReply rules = fallback.plan(in);
        return new PlannedReply(OFFLINE_NOTE + rules.text(), rules.tracks(), rules.playlist(), rules.suggestions(),
                rules.nextContext(), fallback.name());
    }

    /** Puts back the memory as it was before the turn plus this exchange, dropping a half-finished tool loop. */
    private void remember(PlanningInput in, List<ChatMessage> before, String replyText) {
        List<ChatMessage> messages = new ArrayList<>(before);
        messages.add(UserMessage.from(in.text()));
        messages.add(AiMessage.from(replyText));
        memory.memory(in.sessionId()).set(messages);
    }

    private List<Track> shownBefore(PlanningInput in) {
        return in.context().shownTrackIds().stream().limit(TurnTools.MAX_LIST)
                .map(tools::track).flatMap(Optional::stream).toList();
    }

    private static String nullToEmpty(String s) {
        return s == null ? "" : s;
    }
}
