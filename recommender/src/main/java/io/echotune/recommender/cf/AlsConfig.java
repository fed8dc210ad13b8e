package io.echotune.recommender.cf;

/**
 * Settings of implicit-feedback ALS (Hu, Koren, Volinsky 2008) solved with conjugate gradient
 * (Takács, Pilászy, Tikk 2011).
 *
 * @param factors        latent dimension
 * @param iterations     alternating sweeps (one sweep = users then items)
 * @param regularization L2 penalty lambda on every factor vector
 * @param alpha          confidence slope: confidence = 1 + alpha * f(weight)
 * @param logScale       when true f(w) = ln(1 + w / epsilon), which tames play counts that span
 *                       1 .. 350,000; when false f(w) = w, as in the original paper and Spark
 * @param epsilon        the scale of the log transform
 * @param cgSteps        conjugate-gradient steps per vector and sweep (3 is plenty with warm starts)
 * @param threads        worker threads
 * @param seed           seed of the random initial factors
 * @param scaleRegularization when true a row's penalty is lambda × its number of observations
 *                       ("weighted-λ" of Zhou et al. 2008, what Spark MLlib does); else lambda
 */
public record AlsConfig(int factors, int iterations, double regularization, double alpha, boolean logScale,
                        double epsilon, int cgSteps, int threads, long seed, boolean scaleRegularization) {

    public AlsConfig {
        if (factors < 1 || iterations < 0 || regularization < 0 || alpha < 0 || epsilon <= 0 || cgSteps < 1
                || threads < 1) {
            throw new IllegalArgumentException("invalid ALS settings: " + this);
        }
    }

    /** Defaults that work well on artist play counts. */
    public static AlsConfig defaults() {
        return new AlsConfig(64, 10, 0.1, 1.0, true, 1.0, 3, Runtime.getRuntime().availableProcessors(), 42L, false);
    }

    public AlsConfig withFactors(int f) {
        return new AlsConfig(f, iterations, regularization, alpha, logScale, epsilon, cgSteps, threads, seed, scaleRegularization);
    }

    public AlsConfig withIterations(int n) {
        return new AlsConfig(factors, n, regularization, alpha, logScale, epsilon, cgSteps, threads, seed, scaleRegularization);
    }

    public AlsConfig withRegularization(double r) {
        return new AlsConfig(factors, iterations, r, alpha, logScale, epsilon, cgSteps, threads, seed, scaleRegularization);
    }

    public AlsConfig withAlpha(double a) {
        return new AlsConfig(factors, iterations, regularization, a, logScale, epsilon, cgSteps, threads, seed, scaleRegularization);
    }

    public AlsConfig withLogScale(boolean log, double eps) {
        return new AlsConfig(factors, iterations, regularization, alpha, log, eps, cgSteps, threads, seed, scaleRegularization);
    }

    public AlsConfig withThreads(int t) {
        return new AlsConfig(factors, iterations, regularization, alpha, logScale, epsilon, cgSteps, t, seed, scaleRegularization);
    }

    public AlsConfig withSeed(long s) {
        return new AlsConfig(factors, iterations, regularization, alpha, logScale, epsilon, cgSteps, threads, s, scaleRegularization);
    }

    public AlsConfig withScaledRegularization(boolean on) {
        return new AlsConfig(factors, iterations, regularization, alpha, logScale, epsilon, cgSteps, threads, seed, on);
    }

    /** The L2 penalty of a row with {@code observations} observations. */
    public double penalty(int observations) {
        return scaleRegularization ? regularization * Math.max(1, observations) : regularization;
    }

    /** Confidence minus one for an observation of the given weight. */
    public float extraConfidence(float weight) {
        double f = logScale ? Math.log1p(weight / epsilon) : weight;
        return (float) (alpha * f);
    }
}
