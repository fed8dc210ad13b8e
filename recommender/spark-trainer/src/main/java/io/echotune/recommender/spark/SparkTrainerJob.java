package io.echotune.recommender.spark;

import io.echotune.recommender.cf.AlsModel;
import io.echotune.recommender.data.Interactions;
import io.echotune.recommender.evaluation.AlsBackend;
import io.echotune.recommender.model.ModelBundle;
import io.echotune.recommender.model.ModelFile;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.zip.GZIPInputStream;

/**
 * The distributed training path: reads feedback as tab-separated {@code user, item, weight}
 * lines (a negative weight is a dislike; optional header; .gz allowed), trains ALS on Spark and
 * writes an EchoTune model file that {@link ModelFile#read} loads in the server.
 */
public final class SparkTrainerJob {

    static final String USAGE = """
            usage: SparkTrainerJob --input FILE --output MODEL [--master local[2]] [--rank 64] [--reg 0.1]
                                   [--alpha 1] [--iterations 10]
              --input FILE   tab-separated user, item, weight lines (.gz allowed; a header line is skipped;
                             a negative weight is a dislike), e.g. hetrec2011-lastfm-2k/user_artists.dat.gz
              --output MODEL the model file to write (EchoTune model format, read by ModelFile.read)""";

    private SparkTrainerJob() {
    }

    public static void main(String[] args) throws Exception {
        Path input = null;
        Path output = null;
        String master = "local[" + Runtime.getRuntime().availableProcessors() + "]";
        int rank = 64;
        double reg = 0.1;
        double alpha = 1;
        int iterations = 10;
        try {
            for (int i = 0; i < args.length; i++) {
                switch (args[i]) {
                    case "--input" -> input = Path.of(args[++i]);
                    case "--output" -> output = Path.of(args[++i]);
                    case "--master" -> master = args[++i];
                    case "--rank" -> rank = Integer.parseInt(args[++i]);
                    case "--reg" -> reg = Double.parseDouble(args[++i]);
                    case "--alpha" -> alpha = Double.parseDouble(args[++i]);
                    case "--iterations" -> iterations = Integer.parseInt(args[++i]);
                    case "--help", "-h" -> {
                        System.out.println(USAGE);
                        return;
                    }
                    default -> throw new IllegalArgumentException("unknown option '" + args[i] + "'");
                }
            }
            if (input == null || output == null) {
                throw new IllegalArgumentException("--input and --output are required");
            }
        } catch (IllegalArgumentException | ArrayIndexOutOfBoundsException e) {
            System.err.println("error: " + (e instanceof ArrayIndexOutOfBoundsException ? "an option is missing its value"
                    : e.getMessage()));
            System.err.println(USAGE);
            System.exit(64);
            return;
        }
        if (!Files.isRegularFile(input)) {
            System.err.println("error: input file not found: " + input.toAbsolutePath());
            System.exit(66);
            return;
        }
        System.err.println("[spark-trainer] reading " + input);
        Interactions data = read(input);
        System.err.printf(Locale.ROOT, "[spark-trainer] %d users, %d items, %d interactions; training on %s%n",
                data.userCount(), data.itemCount(), data.size(), master);
        long t0 = System.nanoTime();
        AlsModel model;
        try (SparkAlsTrainer trainer = new SparkAlsTrainer(master)) {
            model = trainer.train(data, new AlsBackend.Params(rank, reg, alpha, iterations));
        }
        System.err.printf(Locale.ROOT, "[spark-trainer] trained in %.1f s; writing %s%n", (System.nanoTime() - t0) / 1e9,
                output);
        ModelFile.write(output, ModelBundle.ofAls(model));
        System.err.println("[spark-trainer] done");
    }

    /** Reads user, item, weight lines; non-numeric weights on the first line mark a header. */
    static Interactions read(Path file) throws IOException {
        Interactions.Builder b = Interactions.builder();
        try (InputStream raw = Files.newInputStream(file);
             InputStream in = file.toString().endsWith(".gz") ? new GZIPInputStream(raw, 1 << 16) : raw;
             BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            String line;
            int number = 0;
            while ((line = r.readLine()) != null) {
                number++;
                if (line.isBlank()) {
                    continue;
                }
                String[] f = line.strip().split("\t");
                double w;
                try {
                    if (f.length < 3) {
                        throw new NumberFormatException();
                    }
                    w = Double.parseDouble(f[2]);
                } catch (NumberFormatException e) {
                    if (number == 1) {
                        continue; // header
                    }
                    throw new IOException(file + " line " + number + ": expected user<TAB>item<TAB>weight, got: " + line);
                }
                if (w < 0) {
                    b.dislike(f[0], f[1], -w);
                } else if (w > 0) {
                    b.add(f[0], f[1], w);
                }
            }
        }
        return b.build();
    }
}
