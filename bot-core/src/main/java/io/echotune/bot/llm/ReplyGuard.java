package io.echotune.bot.llm;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Consumer;
import java.util.regex.Pattern;

/**
 * Checks what the model says before a person sees it. A model can be talked into anything, so the rules in
 * the prompt are not enough: a reply that repeats a run of the system instructions is replaced, and anything
 * that looks like a secret (the configured keys, API-key shapes) is masked.
 */
final class ReplyGuard {

    static final String REFUSAL = "I can't share how I'm set up, but I'd love to help with music — "
            + "tell me a mood, an artist or an activity.";
    /** Consecutive words of the instructions that count as a leak: long enough that ordinary replies never match. */
    private static final int LEAK_WORDS = 7;
    private static final Pattern KEY_SHAPES = Pattern.compile(
            "\\b(sk-[A-Za-z0-9_-]{16,}|AIza[0-9A-Za-z_-]{30,}|ya29\\.[0-9A-Za-z_.-]{20,})");
    /** Characters a streamed reply is held back by, so a leak is caught before its words reach the person. */
    static final int STREAM_HOLD_BACK = 160;

    private final Set<String> instructionRuns;
    private final List<String> secrets;

    ReplyGuard(String instructions, Collection<String> secrets) {
        this.instructionRuns = runs(words(instructions));
        this.secrets = secrets.stream().filter(s -> s != null && s.length() >= 8).toList();
    }

    /** The reply a person may see. */
    String clean(String reply) {
        if (reply == null) {
            return "";
        }
        if (leaksInstructions(reply)) {
            return REFUSAL;
        }
        return mask(reply);
    }

    /** The text with the configured keys and anything shaped like an API key or token hidden (also for logs). */
    String mask(String text) {
        String masked = text == null ? "" : text;
        for (String secret : secrets) {
            masked = masked.replace(secret, "[hidden]");
        }
        return KEY_SHAPES.matcher(masked).replaceAll("[hidden]");
    }

    boolean leaksInstructions(String reply) {
        List<String> words = words(reply);
        for (int i = 0; i + LEAK_WORDS <= words.size(); i++) {
            if (instructionRuns.contains(String.join(" ", words.subList(i, i + LEAK_WORDS)))) {
                return true;
            }
        }
        return false;
    }

    /**
     * Passes streamed text on with a lag of {@link #STREAM_HOLD_BACK} characters and stops passing anything once
     * the text so far fails the guard; {@link #finish} releases the rest of a clean reply.
     */
    Consumer<String> streaming(Consumer<String> downstream, StreamState state) {
        return token -> {
            synchronized (state) {
                state.text.append(token);
                if (state.blocked) {
                    return;
                }
                String sofar = state.text.toString();
                if (!clean(sofar).equals(sofar)) {
                    state.blocked = true;
                    return;
                }
                int releasable = sofar.length() - STREAM_HOLD_BACK;
                if (releasable > state.released) {
                    downstream.accept(sofar.substring(state.released, releasable));
                    state.released = releasable;
                }
            }
        };
    }

    /** Hands the rest of the final (already cleaned) reply to the channel; returns whether anything had been sent before. */
    static void finish(Consumer<String> downstream, StreamState state, String finalText) {
        synchronized (state) {
            String sent = state.text.substring(0, state.released);
            if (state.released == 0) {
                downstream.accept(finalText);
            } else if (finalText.startsWith(sent)) {
                if (finalText.length() > sent.length()) {
                    downstream.accept(finalText.substring(sent.length()));
                }
            } else {
                // the reply changed after part of it was shown (a fallback): show the final one after a break
                downstream.accept("\n\n" + finalText);
            }
            state.released = state.text.length();
        }
    }

    /** What has streamed so far in one turn. */
    static final class StreamState {
        private final StringBuilder text = new StringBuilder();
        private int released;
        private boolean blocked;
    }

    private static List<String> words(String text) {
        List<String> words = new ArrayList<>();
        for (String w : text.toLowerCase(Locale.ROOT).split("[^\\p{L}\\p{N}']+")) {
            if (!w.isEmpty()) {
                words.add(w);
            }
        }
        return words;
    }

    private static Set<String> runs(List<String> words) {
        Set<String> runs = new HashSet<>();
        for (int i = 0; i + LEAK_WORDS <= words.size(); i++) {
            runs.add(String.join(" ", words.subList(i, i + LEAK_WORDS)));
        }
        return runs;
    }
}
