package io.echotune.recommender.spark;

import io.echotune.recommender.cf.AlsModel;
import io.echotune.recommender.data.TopK;
import io.echotune.recommender.model.ModelBundle;
import io.echotune.recommender.model.ModelFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;

/** One small Spark run (local[2], a few hundred ratings): the job's model file loads and is sensible. */
class SparkTrainerJobTest {

    @TempDir
    Path dir;

    @Test
    void writesAModelFileOurLoaderReadsAndThatRecoversTheBlocks() throws Exception {
        Path input = dir.resolve("feedback.tsv");
        writeBlocks(input);
        Path output = dir.resolve("spark-model.etm");

        SparkTrainerJob.main(new String[] {"--input", input.toString(), "--output", output.toString(),
                "--master", "local[2]", "--rank", "4", "--iterations", "8", "--alpha", "5", "--reg", "0.05"});

        ModelBundle bundle = ModelFile.read(output);
        AlsModel model = bundle.als().orElseThrow();
        assertThat(model.factors()).isEqualTo(4);
        assertThat(model.users().size()).isEqualTo(30);
        int hits = 0;
        int total = 0;
        float[] scores = new float[model.items().size()];
        for (int u = 0; u < model.users().size(); u++) {
            int block = model.users().idOf(u).charAt(1) - '0';
            model.scoreUser(u, scores);
            for (int i : TopK.select(scores, 5)) {
                total++;
                hits += model.items().idOf(i).charAt(1) - '0' == block ? 1 : 0;
            }
        }
        assertThat((double) hits / total).isGreaterThan(0.9);
        // the disliked pair is read as a dislike, not as a play
        assertThat(SparkTrainerJob.read(input).dislikes().nonZeros()).isEqualTo(1);
    }

    private static void writeBlocks(Path file) throws IOException {
        SplittableRandom r = new SplittableRandom(5);
        StringBuilder sb = new StringBuilder("userID\tartistID\tweight\n");
        for (int block = 0; block < 3; block++) {
            for (int u = 0; u < 10; u++) {
                for (int i = 0; i < 12; i++) {
                    if (r.nextDouble() < 0.6) {
                        sb.append('u').append(block).append('-').append(u).append('\t')
                                .append('i').append(block).append('-').append(i).append('\t')
                                .append(1 + r.nextInt(100)).append('\n');
                    }
                }
            }
        }
        sb.append("u0-0\ti1-0\t-1\n");
        Files.writeString(file, sb.toString());
    }
}
