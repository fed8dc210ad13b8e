package io.echotune.recommender.spark;

import io.echotune.recommender.cf.AlsConfig;
import io.echotune.recommender.cf.AlsModel;
import io.echotune.recommender.data.Interactions;
import io.echotune.recommender.data.SparseRows;
import io.echotune.recommender.evaluation.AlsBackend;
import org.apache.spark.ml.recommendation.ALS;
import org.apache.spark.ml.recommendation.ALSModel;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

import java.util.ArrayList;
import java.util.List;

/**
 * Trains EchoTune's {@link AlsModel} with Spark MLlib's implicit ALS, so the same model file can
 * come from a cluster. Also the Spark baseline of the evaluation CLI (registered as an
 * {@link AlsBackend} service).
 *
 * <p>Ratings handed to Spark are ln(1 + plays), the transform our own trainer uses, so both
 * optimise the same objective; dislikes are passed as negative ratings, which Spark's implicit
 * ALS treats as preference 0 with confidence 1 + alpha·|r| — as our trainer does.
 * Spark scales regParam by each row's number of ratings (weighted-λ); the model records that.
 */
public final class SparkAlsTrainer implements AlsBackend {

    private final String master;
    private SparkSession spark;

    /** Uses local mode with as many threads as there are processors. */
    public SparkAlsTrainer() {
        this("local[" + Runtime.getRuntime().availableProcessors() + "]");
    }

    public SparkAlsTrainer(String master) {
        this.master = master;
    }

    @Override
    public String name() {
        return "Spark MLlib ALS (" + org.apache.spark.package$.MODULE$.SPARK_VERSION() + ", " + master + ")";
    }

    private synchronized SparkSession session() {
        if (spark == null) {
            spark = SparkSession.builder()
                    .appName("echotune-als")
                    .master(master)
                    .config("spark.ui.enabled", "false")
                    .config("spark.sql.shuffle.partitions", "4")
                    .config("spark.driver.bindAddress", "127.0.0.1")
                    .config("spark.driver.host", "127.0.0.1")
                    .getOrCreate();
            spark.sparkContext().setLogLevel("WARN");
        }
        return spark;
    }

    @Override
    public AlsModel train(Interactions data, Params p) {
        SparkSession s = session();
        StructType schema = new StructType()
                .add("user", DataTypes.IntegerType, false)
                .add("item", DataTypes.IntegerType, false)
                .add("rating", DataTypes.FloatType, false);
        List<Row> rows = new ArrayList<>(data.size() + data.dislikes().nonZeros());
        SparseRows pos = data.positives();
        for (int u = 0; u < pos.rowCount(); u++) {
            for (int j = pos.rowStart()[u]; j < pos.rowStart()[u + 1]; j++) {
                rows.add(RowFactory.create(u, pos.cols()[j], (float) Math.log1p(pos.vals()[j])));
            }
        }
        SparseRows neg = data.dislikes();
        for (int u = 0; u < neg.rowCount(); u++) {
            for (int j = neg.rowStart()[u]; j < neg.rowStart()[u + 1]; j++) {
                rows.add(RowFactory.create(u, neg.cols()[j], -neg.vals()[j]));
            }
        }
        int partitions = Math.max(2, s.sparkContext().defaultParallelism());
        Dataset<Row> ratings = s.createDataFrame(rows, schema).repartition(partitions).cache();
        ALS als = new ALS()
                .setImplicitPrefs(true)
                .setRank(p.rank())
                .setRegParam(p.regParam())
                .setAlpha(p.alpha())
                .setMaxIter(p.iterations())
                .setNumUserBlocks(partitions)
                .setNumItemBlocks(partitions)
                .setSeed(42L)
                .setUserCol("user")
                .setItemCol("item")
                .setRatingCol("rating");
        ALSModel model = als.fit(ratings);
        int k = p.rank();
        float[] userFactors = collect(model.userFactors(), data.userCount(), k);
        float[] itemFactors = collect(model.itemFactors(), data.itemCount(), k);
        ratings.unpersist();
        // Spark scales regParam by each row's rating count: record that so fold-in solves the same problem.
        AlsConfig config = new AlsConfig(k, p.iterations(), p.regParam(), p.alpha(), true, 1.0, 3, 1, 42L, true);
        return new AlsModel(data.users(), data.items(), k, userFactors, itemFactors, config);
    }

    /** Copies Spark's (id, features) rows into a dense row-major array; ids Spark never saw stay zero. */
    private static float[] collect(Dataset<Row> factors, int rows, int k) {
        float[] out = new float[rows * k];
        for (Row r : factors.collectAsList()) {
            int id = r.getInt(0);
            List<Float> f = r.getList(1);
            for (int d = 0; d < k; d++) {
                out[id * k + d] = f.get(d);
            }
        }
        return out;
    }

    @Override
    public synchronized void close() {
        if (spark != null) {
            spark.stop();
            spark = null;
        }
    }
}
