package io.echotune.bot.planner;

/** Decides which music tools to call for a turn and composes the reply. */
public interface Planner {

    PlannedReply plan(PlanningInput input);

    /** A short name for logs and metrics ("rules", "openai", ...). */
    String name();
}
