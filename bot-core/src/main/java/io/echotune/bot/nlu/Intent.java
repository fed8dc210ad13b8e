package io.echotune.bot.nlu;

import java.util.Locale;
import java.util.Optional;

/** What a person wants from one message; the label is the name used in training data and replies. */
public enum Intent {
    GREET, HELP, SEARCH, RECOMMEND, BUILD_PLAYLIST, SAVE_PLAYLIST, FEEDBACK_POSITIVE, FEEDBACK_NEGATIVE,
    EXPLAIN, LISTENING_STATS, LINK_SPOTIFY, OUT_OF_SCOPE;

    /** Lower-case label as written in {@code intents-train.tsv} ("build_playlist"). */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<Intent> fromLabel(String label) {
        if (label == null) {
            return Optional.empty();
        }
        String wanted = label.strip();
        for (Intent intent : values()) {
            if (intent.label().equalsIgnoreCase(wanted)) {
                return Optional.of(intent);
            }
        }
        return Optional.empty();
    }
}
