package io.echotune.recommender.evaluation;

import io.echotune.recommender.cf.AlsModel;
import io.echotune.recommender.data.Interactions;

/**
 * Another implementation of implicit ALS to compare against (Spark MLlib lives in the
 * spark-trainer module and registers itself through {@link java.util.ServiceLoader}), so the
 * recommender module never carries Spark on its classpath.
 */
public interface AlsBackend extends AutoCloseable {

    /** Grid point of the baseline: Spark's names (rank, regParam, alpha). */
    record Params(int rank, double regParam, double alpha, int iterations) {
    }

    String name();

    /**
     * Trains on the given feedback. Play counts are passed to the backend as ln(1 + plays),
     * the same transform our ALS's confidence uses, so both solve the same problem.
     */
    AlsModel train(Interactions data, Params params) throws Exception;

    @Override
    default void close() {
    }
}
