package io.echotune.bot.nlu;

import java.util.Optional;

/**
 * What the conversation looked like just before this message: the intent of the previous turn and how
 * many tracks the last reply showed. It lets "the second one" or "make it 20" mean something.
 */
public record NluContext(Optional<Intent> previousIntent, int tracksShown) {

    public static final NluContext EMPTY = new NluContext(Optional.empty(), 0);

    public NluContext {
        previousIntent = previousIntent == null ? Optional.empty() : previousIntent;
        if (tracksShown < 0) {
            throw new IllegalArgumentException("tracksShown must not be negative");
        }
    }

    public static NluContext after(Intent previous, int tracksShown) {
        return new NluContext(Optional.of(previous), tracksShown);
    }
}
