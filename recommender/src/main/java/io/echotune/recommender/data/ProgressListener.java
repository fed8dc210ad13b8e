package io.echotune.recommender.data;

/** Receives progress of long jobs (training, evaluation); the CLI prints it to stderr. */
@FunctionalInterface
public interface ProgressListener {

    void progress(String stage, int done, int total);

    ProgressListener NONE = (stage, done, total) -> { };

    /** Prints "stage: done/total" lines to standard error. */
    static ProgressListener toStderr() {
        return (stage, done, total) -> System.err.printf("  %s: %d/%d%n", stage, done, total);
    }
}
