package io.echotune.bot.planner;

import io.echotune.bot.nlu.Understanding;
import io.echotune.bot.sessions.SessionContext;

/** Everything a planner may use for one turn. The user id comes from the session, never from the text. */
public record PlanningInput(String userId, String sessionId, String text, Understanding understanding, SessionContext context) {
}
