package io.echotune.bot.nlu;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Scores the NLU's intents against labelled messages: accuracy, macro-F1, per-intent figures, confusion matrix, latency. */
final class IntentEvaluation {

    private final int[][] confusion = new int[Intent.values().length][Intent.values().length];
    private final List<String> mistakes = new ArrayList<>();
    private final List<Long> latencies = new ArrayList<>();
    private long nanos;
    private int total;

    /** A labelled message. */
    record Labelled(Intent intent, String text) {
    }

    static List<Labelled> parse(List<String> lines) {
        List<Labelled> out = new ArrayList<>();
        int number = 0;
        for (String line : lines) {
            number++;
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            int tab = line.indexOf('\t');
            if (tab < 0) {
                throw new IllegalArgumentException("line " + number + " has no tab between intent and utterance: " + line);
            }
            String label = line.substring(0, tab).strip();
            int lineNumber = number;
            Intent intent = Intent.fromLabel(label).orElseThrow(() -> new IllegalArgumentException(
                    "line " + lineNumber + " has an unknown intent '" + label + "'"));
            out.add(new Labelled(intent, line.substring(tab + 1).strip()));
        }
        return out;
    }

    static IntentEvaluation run(Nlu nlu, List<Labelled> examples, PrintStream progress) {
        IntentEvaluation e = new IntentEvaluation();
        // warm up on the same messages first, so the latency figure is the steady state, not JIT compilation
        for (int round = 0; round < Math.max(1, 2000 / Math.max(1, examples.size())); round++) {
            for (Labelled example : examples) {
                nlu.understand(example.text(), NluContext.EMPTY);
            }
        }
        for (Labelled example : examples) {
            long start = System.nanoTime();
            Understanding u = nlu.understand(example.text(), NluContext.EMPTY);
            long took = System.nanoTime() - start;
            e.nanos += took;
            e.latencies.add(took);
            e.confusion[example.intent().ordinal()][u.intent().ordinal()]++;
            e.total++;
            if (u.intent() != example.intent()) {
                double[] p = nlu.intentProbabilities(example.text());
                int top = 0;
                for (int i = 1; i < p.length; i++) {
                    top = p[i] > p[top] ? i : top;
                }
                e.mistakes.add(String.format(Locale.ROOT, "%-18s -> %-18s %.2f  (model's best: %s)  %s",
                        example.intent().label(), u.intent().label(), u.confidence(), Intent.values()[top].label(),
                        example.text()));
            }
            if (progress != null && e.total % 1000 == 0) {
                progress.printf("  %d / %d messages%n", e.total, examples.size());
            }
        }
        return e;
    }

    double accuracy() {
        int right = 0;
        for (int i = 0; i < confusion.length; i++) {
            right += confusion[i][i];
        }
        return total == 0 ? 0 : (double) right / total;
    }

    int support(Intent intent) {
        int s = 0;
        for (int p : confusion[intent.ordinal()]) {
            s += p;
        }
        return s;
    }

    double precision(Intent intent) {
        int predicted = 0;
        for (int[] row : confusion) {
            predicted += row[intent.ordinal()];
        }
        return predicted == 0 ? 0 : (double) confusion[intent.ordinal()][intent.ordinal()] / predicted;
    }

    double recall(Intent intent) {
        int s = support(intent);
        return s == 0 ? 0 : (double) confusion[intent.ordinal()][intent.ordinal()] / s;
    }

    double f1(Intent intent) {
        double p = precision(intent);
        double r = recall(intent);
        return p + r == 0 ? 0 : 2 * p * r / (p + r);
    }

    /** Mean F1 over the intents that occur in the data. */
    double macroF1() {
        double sum = 0;
        int n = 0;
        for (Intent intent : Intent.values()) {
            if (support(intent) > 0) {
                sum += f1(intent);
                n++;
            }
        }
        return n == 0 ? 0 : sum / n;
    }

    double meanLatencyMillis() {
        return total == 0 ? 0 : nanos / 1e6 / total;
    }

    /** A percentile (0..100) of the per-message latency. */
    double latencyPercentileMillis(double percentile) {
        if (latencies.isEmpty()) {
            return 0;
        }
        List<Long> sorted = new ArrayList<>(latencies);
        java.util.Collections.sort(sorted);
        int index = (int) Math.max(0, Math.ceil(sorted.size() * percentile / 100.0) - 1);
        return sorted.get(Math.min(sorted.size() - 1, index)) / 1e6;
    }

    List<String> mistakes() {
        return mistakes;
    }

    void print(PrintStream out) {
        out.printf(Locale.ROOT, "messages     %d%n", total);
        out.printf(Locale.ROOT, "accuracy     %.4f%n", accuracy());
        out.printf(Locale.ROOT, "macro-F1     %.4f%n", macroF1());
        out.printf(Locale.ROOT, "mean latency %.4f ms per message (median %.4f ms, p95 %.4f ms)%n%n",
                meanLatencyMillis(), latencyPercentileMillis(50), latencyPercentileMillis(95));
        out.printf(Locale.ROOT, "%-18s %9s %9s %9s %8s%n", "intent", "precision", "recall", "F1", "support");
        for (Intent intent : Intent.values()) {
            out.printf(Locale.ROOT, "%-18s %9.3f %9.3f %9.3f %8d%n", intent.label(), precision(intent), recall(intent),
                    f1(intent), support(intent));
        }
        out.println();
        out.println("confusion matrix (rows = expected, columns = predicted)");
        StringBuilder header = new StringBuilder(String.format("%-18s", ""));
        for (Intent intent : Intent.values()) {
            header.append(String.format(" %5s", abbreviation(intent)));
        }
        out.println(header);
        for (Intent expected : Intent.values()) {
            StringBuilder row = new StringBuilder(String.format("%-18s", expected.label()));
            for (Intent predicted : Intent.values()) {
                row.append(String.format(" %5d", confusion[expected.ordinal()][predicted.ordinal()]));
            }
            out.println(row);
        }
        out.println("columns: " + String.join(" ", java.util.Arrays.stream(Intent.values())
                .map(i -> abbreviation(i) + "=" + i.label()).toList()));
    }

    private static String abbreviation(Intent intent) {
        return switch (intent) {
            case GREET -> "greet";
            case HELP -> "help";
            case SEARCH -> "srch";
            case RECOMMEND -> "rec";
            case BUILD_PLAYLIST -> "build";
            case SAVE_PLAYLIST -> "save";
            case FEEDBACK_POSITIVE -> "fb+";
            case FEEDBACK_NEGATIVE -> "fb-";
            case EXPLAIN -> "expl";
            case LISTENING_STATS -> "stats";
            case LINK_SPOTIFY -> "link";
            case OUT_OF_SCOPE -> "oos";
        };
    }
}
