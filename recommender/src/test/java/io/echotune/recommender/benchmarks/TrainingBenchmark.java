package io.echotune.recommender.benchmarks;

import io.echotune.recommender.cf.AlsConfig;
import io.echotune.recommender.cf.AlsModel;
import io.echotune.recommender.cf.AlsTrainer;
import io.echotune.recommender.cf.ItemKnnConfig;
import io.echotune.recommender.cf.ItemKnnModel;
import io.echotune.recommender.cf.ItemKnnTrainer;
import io.echotune.recommender.data.Interactions;
import io.echotune.recommender.evaluation.LastFmDataset;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * Training time on the full HetRec Last.fm-2K play counts (1,892 users × 17,632 artists),
 * read from shared/data (set -Dechotune.lastfm=DIR to point elsewhere; the benchmark stops
 * with a clear message when the data is absent).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3)
@Measurement(iterations = 8)
@Fork(value = 1, jvmArgsAppend = {"-Xmx4g"})
public class TrainingBenchmark {

    @Param({"32", "64"})
    public int factors;

    @Param({"2"})
    public int threads;

    private Interactions plays;

    @Setup(Level.Trial)
    public void load() throws Exception {
        Path dir = Path.of(System.getProperty("echotune.lastfm", "../shared/data/hetrec2011-lastfm-2k"));
        if (!Files.isDirectory(dir)) {
            dir = Path.of("../../shared/data/hetrec2011-lastfm-2k");
        }
        if (!Files.isDirectory(dir)) {
            throw new IllegalStateException("Last.fm-2K data directory is absent (looked for "
                    + "../shared/data/hetrec2011-lastfm-2k); pass -Dechotune.lastfm=DIR via -jvmArgsAppend");
        }
        plays = LastFmDataset.load(dir).plays();
    }

    @Benchmark
    public AlsModel als10Iterations() {
        return new AlsTrainer(AlsConfig.defaults().withFactors(factors).withIterations(10).withThreads(threads))
                .train(plays);
    }

    @Benchmark
    public ItemKnnModel rp3beta200() {
        return new ItemKnnTrainer(ItemKnnConfig.defaults().withNeighbours(200).withRp3Beta(0.5).withThreads(threads))
                .train(plays);
    }
}
