package io.echotune.bot.planner;

import java.util.function.Consumer;

/** Decides which music tools to call for a turn and composes the reply. */
public interface Planner {

    PlannedReply plan(PlanningInput input);

    /**
     * Plans the turn and streams the reply text as it is produced. Planners that compose the whole text at
     * once (the RulePlanner) hand it over in one piece; an LLM planner streams tokens.
     */
    default PlannedReply plan(PlanningInput input, Consumer<String> partialText) {
        PlannedReply reply = plan(input);
        partialText.accept(reply.text());
        return reply;
    }

    /** A short name for logs and metrics ("rules", "openai", ...). */
    String name();
}
