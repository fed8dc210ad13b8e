package io.echotune.recommender.evaluation;

import java.util.BitSet;

/**
 * Accumulates top-k ranking metrics over users. Two definitions are kept side by side:
 * the standard ones and the ones DaisyRec 2.0 uses, so our figures can sit beside theirs.
 *
 * <ul>
 *   <li>Precision@k = hits / k; Recall@k = hits / |relevant| (both libraries agree).</li>
 *   <li>nDCG@k: DCG / IDCG with IDCG over min(|relevant|, k) relevant items (standard). DaisyRec
 *       divides by the DCG of the <em>same hits</em> moved to the top instead, which is larger.</li>
 *   <li>MAP@k: sum of precision at each hit / min(|relevant|, k) (standard). DaisyRec averages the
 *       precision at each hit over the number of hits instead.</li>
 *   <li>HR@k: share of users with at least one hit.</li>
 *   <li>Coverage: distinct recommended items / catalogue size.</li>
 * </ul>
 * Not thread-safe: use one per thread and {@link #merge} them.
 */
public final class RankingMetrics {

    private final int k;
    private final int catalogueSize;
    private final BitSet recommended = new BitSet();
    private int users;
    private double precision;
    private double recall;
    private double ndcg;
    private double map;
    private double hitRate;
    private double daisyNdcg;
    private double daisyMap;

    public RankingMetrics(int k, int catalogueSize) {
        this.k = k;
        this.catalogueSize = catalogueSize;
    }

    /**
     * Adds one user's ranked list (best first, at most k used) against their relevant items.
     * Users without relevant items are ignored.
     */
    public void add(int[] ranked, BitSet relevant) {
        int relevantCount = relevant.cardinality();
        if (relevantCount == 0) {
            return;
        }
        users++;
        int n = Math.min(k, ranked.length);
        int hits = 0;
        double dcg = 0;
        double apSum = 0;
        for (int i = 0; i < n; i++) {
            recommended.set(ranked[i]);
            if (relevant.get(ranked[i])) {
                hits++;
                dcg += 1 / log2(i + 2);
                apSum += (double) hits / (i + 1);
            }
        }
        double idcg = 0;
        for (int i = 0; i < Math.min(relevantCount, k); i++) {
            idcg += 1 / log2(i + 2);
        }
        double hitsAtTop = 0;
        for (int i = 0; i < hits; i++) {
            hitsAtTop += 1 / log2(i + 2);
        }
        precision += (double) hits / k;
        recall += (double) hits / relevantCount;
        ndcg += dcg / idcg;
        map += apSum / Math.min(relevantCount, k);
        hitRate += hits > 0 ? 1 : 0;
        daisyNdcg += hits > 0 ? dcg / hitsAtTop : 0;
        daisyMap += hits > 0 ? apSum / hits : 0;
    }

    public void merge(RankingMetrics other) {
        users += other.users;
        precision += other.precision;
        recall += other.recall;
        ndcg += other.ndcg;
        map += other.map;
        hitRate += other.hitRate;
        daisyNdcg += other.daisyNdcg;
        daisyMap += other.daisyMap;
        recommended.or(other.recommended);
    }

    public int users() {
        return users;
    }

    public double precision() {
        return mean(precision);
    }

    public double recall() {
        return mean(recall);
    }

    public double ndcg() {
        return mean(ndcg);
    }

    public double map() {
        return mean(map);
    }

    public double hitRate() {
        return mean(hitRate);
    }

    /** nDCG as DaisyRec 2.0 computes it (ideal = the same hits ranked first). */
    public double daisyNdcg() {
        return mean(daisyNdcg);
    }

    /** MAP as DaisyRec 2.0 computes it (mean precision over the hits). */
    public double daisyMap() {
        return mean(daisyMap);
    }

    public double coverage() {
        return catalogueSize == 0 ? 0 : (double) recommended.cardinality() / catalogueSize;
    }

    private double mean(double sum) {
        return users == 0 ? 0 : sum / users;
    }

    private static double log2(double x) {
        return Math.log(x) / Math.log(2);
    }
}
