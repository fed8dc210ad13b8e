package io.echotune.recommender.hybrid;

import io.echotune.recommender.cf.AlsModel;
import io.echotune.recommender.cf.EaseModel;
import io.echotune.recommender.cf.ItemKnnModel;
import io.echotune.recommender.content.ContentModel;
import io.echotune.recommender.data.IdIndex;
import io.echotune.recommender.data.Interactions;
import io.echotune.recommender.data.SparseRows;
import io.echotune.recommender.data.TopK;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.IntPredicate;

/**
 * Blends collaborative (ALS, item-kNN, EASE), content and popularity signals into one ranking,
 * handles cold start, diversifies with maximal marginal relevance and explains each pick.
 *
 * <p>Cold start: a user unknown to ALS is folded in from whatever is known (stored history,
 * seed items); with no history at all, the content target (mood/genre) and popularity
 * decide. A new item, known only to the content model, can still be recommended on content.
 *
 * <p>Thread-safe: models are immutable and each call works on its own arrays.
 */
public final class HybridRecommender {

    /** Weight given to a seed item, in play-count units: a named seed counts like a well-played artist. */
    static final float SEED_WEIGHT = 100f;
    private static final int MMR_POOL_FACTOR = 5;
    private static final int MMR_MIN_POOL = 50;

    private final IdIndex catalogue;
    private final Component<AlsModel> als;
    private final Component<ItemKnnModel> knn;
    private final Component<EaseModel> ease;
    private final Component<ContentModel> content;
    private final Interactions history;
    private final int[] historyToCatalogue;
    private final float[] popularity;
    private final HybridWeights weights;

    private HybridRecommender(Builder b) {
        LinkedHashSet<String> ids = new LinkedHashSet<>();
        if (b.history != null) {
            ids.addAll(b.history.items().ids());
        }
        if (b.als != null) {
            ids.addAll(b.als.items().ids());
        }
        if (b.knn != null) {
            ids.addAll(b.knn.items().ids());
        }
        if (b.ease != null) {
            ids.addAll(b.ease.items().ids());
        }
        if (b.content != null) {
            ids.addAll(b.content.items().ids());
        }
        this.catalogue = IdIndex.of(ids);
        this.als = b.als == null ? null : new Component<>(b.als, b.als.items(), catalogue);
        this.knn = b.knn == null ? null : new Component<>(b.knn, b.knn.items(), catalogue);
        this.ease = b.ease == null ? null : new Component<>(b.ease, b.ease.items(), catalogue);
        this.content = b.content == null ? null : new Component<>(b.content, b.content.items(), catalogue);
        this.history = b.history;
        this.historyToCatalogue = b.history == null ? null : Component.toCatalogue(b.history.items(), catalogue);
        this.weights = b.weights;
        this.popularity = b.history == null ? null : popularityOf(b.history);
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Every item this recommender can return, in catalogue index order. */
    public IdIndex catalogue() {
        return catalogue;
    }

    public HybridWeights weights() {
        return weights;
    }

    /** A copy using other blend weights (cheap: models are shared). */
    public HybridRecommender withWeights(HybridWeights w) {
        Builder b = new Builder();
        b.als = als == null ? null : als.model;
        b.knn = knn == null ? null : knn.model;
        b.ease = ease == null ? null : ease.model;
        b.content = content == null ? null : content.model;
        b.history = history;
        b.weights = w;
        return new HybridRecommender(b);
    }

    public List<Recommendation> recommend(RecommendationQuery query) {
        Profile profile = profile(query);
        ComponentScores components = componentScores(profile, query);
        float[] scores = blend(components);
        mask(scores, profile, query);
        IntPredicate allowed = query.candidateFilter()
                .<IntPredicate>map(f -> i -> f.test(catalogue.idOf(i)))
                .orElse(null);
        int[] picked;
        if (query.diversity() > 0) {
            int pool = Math.max(query.count() * MMR_POOL_FACTOR, MMR_MIN_POOL);
            picked = maximalMarginalRelevance(TopK.select(scores, pool, allowed), scores, query.count(),
                    query.diversity());
        } else {
            picked = TopK.select(scores, query.count(), allowed);
        }
        List<Recommendation> out = new ArrayList<>(picked.length);
        for (int item : picked) {
            out.add(new Recommendation(catalogue.idOf(item), scores[item], explain(item, profile, components)));
        }
        return out;
    }

    /**
     * Blended scores of all catalogue items for the query, with items that must not be
     * returned set to negative infinity (used by the evaluation harness).
     */
    public float[] scores(RecommendationQuery query) {
        Profile profile = profile(query);
        float[] s = blend(componentScores(profile, query));
        mask(s, profile, query);
        return s;
    }

    /**
     * The blended scores over the whole catalogue. When no signal separates any items (e.g. every
     * item has the same listeners, so every signal is constant and standardises to nothing) all
     * items score 0 rather than the blend coming back empty.
     */
    private float[] blend(ComponentScores components) {
        float[] s = components.blend(weights);
        return s.length == catalogue.size() ? s : new float[catalogue.size()];
    }

    /** The standardised per-signal scores for a query, before blending (for weight tuning). */
    public ComponentScores componentScores(RecommendationQuery query) {
        return componentScores(profile(query), query);
    }

    /** Marks, in {@code out}, the items a query must not return (played, disliked, seeds, excluded). */
    public void excluded(RecommendationQuery query, boolean[] out) {
        float[] s = new float[catalogue.size()];
        mask(s, profile(query), query);
        for (int i = 0; i < s.length; i++) {
            out[i] = s[i] == Float.NEGATIVE_INFINITY;
        }
    }

    private ComponentScores componentScores(Profile p, RecommendationQuery query) {
        return new ComponentScores(alsScores(p), knnScores(p), contentScores(p, query), popularity == null ? null
                : popularity.clone(), easeScores(p));
    }

    private float[] alsScores(Profile p) {
        if (als == null) {
            return null;
        }
        AlsModel m = als.model;
        float[] x = null;
        int known = p.userId == null ? -1 : m.users().indexOf(p.userId);
        if (known >= 0 && p.seeds.length == 0 && p.sessionDislikes == 0) {
            x = m.userVector(known);
        } else {
            int[] played = als.fromCatalogue(p.played);
            float[] w = filteredWeights(p.played, p.weights, als);
            int[] disliked = als.fromCatalogue(p.disliked);
            if (played.length > 0 || disliked.length > 0) {
                x = m.foldIn(played, w, disliked);
            }
        }
        if (x == null) {
            return null;
        }
        float[] local = new float[m.items().size()];
        m.scoreAll(x, local);
        return ComponentScores.standardise(als.scatter(local));
    }

    private float[] knnScores(Profile p) {
        if (knn == null) {
            return null;
        }
        int[] played = knn.fromCatalogue(p.played);
        int[] disliked = knn.fromCatalogue(p.disliked);
        if (played.length == 0 && disliked.length == 0) {
            return null;
        }
        float[] local = new float[knn.model.items().size()];
        knn.model.score(played, disliked, (float) weights.dislikePenalty(), local);
        return ComponentScores.standardise(knn.scatter(local));
    }

    private float[] easeScores(Profile p) {
        if (ease == null) {
            return null;
        }
        int[] played = ease.fromCatalogue(p.played);
        int[] disliked = ease.fromCatalogue(p.disliked);
        if (played.length == 0 && disliked.length == 0) {
            return null;
        }
        float[] local = new float[ease.model.items().size()];
        ease.model.score(played, filteredWeights(p.played, p.weights, ease), disliked,
                (float) weights.dislikePenalty(), local);
        return ComponentScores.standardise(ease.scatter(local));
    }

    private float[] contentScores(Profile p, RecommendationQuery query) {
        if (content == null) {
            return null;
        }
        float[] v = contentVector(p, query);
        if (v == null) {
            return null;
        }
        float[] local = new float[content.model.items().size()];
        content.model.scoreAll(v, local);
        return ComponentScores.standardise(content.scatter(local));
    }

    /** The user's content profile, blended with the requested target when there is one. */
    private float[] contentVector(Profile p, RecommendationQuery query) {
        if (content == null) {
            return null;
        }
        ContentModel m = content.model;
        int[] played = content.fromCatalogue(p.played);
        int[] disliked = content.fromCatalogue(p.disliked);
        float[] v = null;
        if (played.length > 0 || disliked.length > 0) {
            v = m.profile(played, filteredWeights(p.played, p.weights, content), disliked,
                    (float) weights.dislikePenalty());
        }
        if (query.targetVector().isPresent()) {
            float[] t = m.embedTarget(query.targetVector().get());
            if (v == null) {
                v = t;
            } else {
                // The request's target is the stated intent of this turn: it counts as much as the whole history.
                for (int d = 0; d < v.length; d++) {
                    v[d] += t[d];
                }
                io.echotune.recommender.data.Vectors.normalize(v);
            }
        }
        return v;
    }

    private static float[] filteredWeights(int[] catalogueItems, float[] w, Component<?> c) {
        float[] out = new float[catalogueItems.length];
        int n = 0;
        for (int j = 0; j < catalogueItems.length; j++) {
            if (c.local[catalogueItems[j]] >= 0) {
                out[n++] = w[j];
            }
        }
        return Arrays.copyOf(out, n);
    }

    private void mask(float[] scores, Profile p, RecommendationQuery query) {
        if (!query.includeKnown()) {
            for (int i : p.played) {
                scores[i] = Float.NEGATIVE_INFINITY;
            }
        }
        for (int i : p.seeds) {
            scores[i] = Float.NEGATIVE_INFINITY;
        }
        for (int i : p.disliked) {
            scores[i] = Float.NEGATIVE_INFINITY;
        }
        for (String id : query.excludedItemIds()) {
            int i = catalogue.indexOf(id);
            if (i >= 0) {
                scores[i] = Float.NEGATIVE_INFINITY;
            }
        }
    }

    /**
     * Greedy MMR (Carbonell and Goldstein 1998): repeatedly take the candidate maximising
     * (1 - λ)·relevance - λ·(max similarity to what is already picked). Relevance is the
     * blended score rescaled to 0..1 over the pool, so λ means the same for every query.
     */
    private int[] maximalMarginalRelevance(int[] pool, float[] scores, int count, double lambda) {
        if (pool.length == 0) {
            return pool;
        }
        float best = scores[pool[0]];
        float worst = scores[pool[pool.length - 1]];
        float range = Math.max(best - worst, 1e-9f);
        float[] maxSim = new float[pool.length];
        Arrays.fill(maxSim, -1f);
        boolean[] taken = new boolean[pool.length];
        int[] out = new int[Math.min(count, pool.length)];
        for (int n = 0; n < out.length; n++) {
            int arg = -1;
            double argValue = Double.NEGATIVE_INFINITY;
            for (int c = 0; c < pool.length; c++) {
                if (taken[c]) {
                    continue;
                }
                double rel = (scores[pool[c]] - worst) / range;
                double value = (1 - lambda) * rel - lambda * (n == 0 ? 0 : maxSim[c]);
                if (value > argValue) {
                    argValue = value;
                    arg = c;
                }
            }
            taken[arg] = true;
            out[n] = pool[arg];
            for (int c = 0; c < pool.length; c++) {
                if (!taken[c]) {
                    maxSim[c] = Math.max(maxSim[c], itemSimilarity(pool[arg], pool[c]));
                }
            }
        }
        return out;
    }

    /**
     * Similarity of two catalogue items: latent-factor cosine where both are in ALS, else
     * content cosine, else neighbourhood similarity.
     */
    public float itemSimilarity(int a, int b) {
        if (als != null && als.local[a] >= 0 && als.local[b] >= 0) {
            return als.model.itemSimilarity(als.local[a], als.local[b]);
        }
        if (content != null && content.local[a] >= 0 && content.local[b] >= 0) {
            return content.model.similarity(content.local[a], content.local[b]);
        }
        if (knn != null && knn.local[a] >= 0 && knn.local[b] >= 0) {
            return Math.max(knn.model.similarity(knn.local[a], knn.local[b]),
                    knn.model.similarity(knn.local[b], knn.local[a]));
        }
        return 0f;
    }

    private Explanation explain(int item, Profile p, ComponentScores c) {
        double alsPart = c.als() == null ? 0 : weights.als() * c.als()[item];
        double knnPart = (c.itemKnn() == null ? 0 : weights.itemKnn() * c.itemKnn()[item])
                + (c.ease() == null ? 0 : weights.ease() * c.ease()[item]);
        double contentPart = c.content() == null ? 0 : weights.content() * c.content()[item];
        boolean personal = c.als() != null || c.itemKnn() != null || c.content() != null || c.ease() != null;
        if (!personal) {
            return Explanation.popular();
        }
        if (c.content() != null && contentPart > 0 && contentPart > alsPart + knnPart && content.local[item] >= 0) {
            return new Explanation(Explanation.Kind.MATCHES_FEATURES, List.of(), content.model.matchingFeatures(
                    contentVector(p, p.query), content.local[item], 3));
        }
        // Anchor the pick on the history or seed items most similar to it.
        float[] sims = new float[p.played.length];
        for (int j = 0; j < p.played.length; j++) {
            sims[j] = anchorSimilarity(p.played[j], item);
        }
        int[] anchors = TopK.select(sims, 2, j -> sims[j] > 0);
        if (anchors.length == 0) {
            return new Explanation(alsPart > 0 || knnPart > 0 ? Explanation.Kind.LISTENERS_LIKE_YOU
                    : Explanation.Kind.POPULAR, List.of(), List.of());
        }
        List<String> ids = new ArrayList<>();
        for (int j : anchors) {
            ids.add(catalogue.idOf(p.played[j]));
        }
        boolean fromSeed = p.isSeed(p.played[anchors[0]]);
        return new Explanation(fromSeed ? Explanation.Kind.SIMILAR_TO_SEEDS : Explanation.Kind.BECAUSE_YOU_PLAYED,
                ids, List.of());
    }

    private float anchorSimilarity(int anchor, int item) {
        if (knn != null && knn.local[anchor] >= 0 && knn.local[item] >= 0) {
            float s = knn.model.similarity(knn.local[anchor], knn.local[item]);
            if (s > 0) {
                return s;
            }
        }
        if (ease != null && ease.local[anchor] >= 0 && ease.local[item] >= 0) {
            float w = ease.model.weight(ease.local[anchor], ease.local[item]);
            if (w > 0) {
                return w;
            }
        }
        return itemSimilarity(anchor, item);
    }

    /** Everything known about the listener for one query, in catalogue indices. */
    private Profile profile(RecommendationQuery q) {
        String userId = q.userId().orElse(null);
        List<Integer> played = new ArrayList<>();
        List<Float> w = new ArrayList<>();
        Set<Integer> disliked = new LinkedHashSet<>();
        if (history != null && userId != null) {
            int u = history.users().indexOf(userId);
            if (u >= 0) {
                SparseRows pos = history.positives();
                for (int j = pos.rowStart()[u]; j < pos.rowStart()[u + 1]; j++) {
                    played.add(historyToCatalogue[pos.cols()[j]]);
                    w.add(pos.vals()[j]);
                }
                SparseRows neg = history.dislikes();
                for (int j = neg.rowStart()[u]; j < neg.rowStart()[u + 1]; j++) {
                    disliked.add(historyToCatalogue[neg.cols()[j]]);
                }
            }
        }
        int sessionDislikes = 0;
        for (String id : q.dislikedItemIds()) {
            int i = catalogue.indexOf(id);
            if (i >= 0 && disliked.add(i)) {
                sessionDislikes++;
            }
        }
        LinkedHashSet<Integer> seeds = new LinkedHashSet<>();
        for (String id : q.seedItemIds()) {
            int i = catalogue.indexOf(id);
            if (i >= 0 && !disliked.contains(i)) {
                seeds.add(i);
            }
        }
        for (int s : seeds) {
            int at = played.indexOf(s);
            if (at >= 0) {
                w.set(at, Math.max(w.get(at), SEED_WEIGHT));
            } else {
                played.add(s);
                w.add(SEED_WEIGHT);
            }
        }
        float[] weightArray = new float[w.size()];
        for (int j = 0; j < weightArray.length; j++) {
            weightArray[j] = w.get(j);
        }
        return new Profile(userId, played.stream().mapToInt(Integer::intValue).toArray(), weightArray,
                disliked.stream().mapToInt(Integer::intValue).toArray(),
                seeds.stream().mapToInt(Integer::intValue).toArray(), sessionDislikes, q);
    }

    private record Profile(String userId, int[] played, float[] weights, int[] disliked, int[] seeds,
                           int sessionDislikes, RecommendationQuery query) {
        boolean isSeed(int item) {
            for (int s : seeds) {
                if (s == item) {
                    return true;
                }
            }
            return false;
        }
    }

    private float[] popularityOf(Interactions h) {
        // Items the feedback has never seen (new releases) are of unknown, not low, popularity: neutral.
        float[] pop = new float[catalogue.size()];
        Arrays.fill(pop, Float.NaN);
        SparseRows byItem = h.positivesByItem();
        for (int i = 0; i < byItem.rowCount(); i++) {
            pop[historyToCatalogue[i]] = (float) Math.log1p(byItem.rowLength(i));
        }
        return ComponentScores.standardise(pop);
    }

    /** A model plus the mapping between its item indices and the catalogue's. */
    private static final class Component<M> {
        final M model;
        /** catalogue index → model index, or -1 */
        final int[] local;
        /** model index → catalogue index */
        final int[] global;
        final boolean identity;

        Component(M model, IdIndex items, IdIndex catalogue) {
            this.model = model;
            this.global = toCatalogue(items, catalogue);
            this.local = new int[catalogue.size()];
            Arrays.fill(local, -1);
            boolean same = items.size() == catalogue.size();
            for (int i = 0; i < global.length; i++) {
                local[global[i]] = i;
                same &= global[i] == i;
            }
            this.identity = same;
        }

        static int[] toCatalogue(IdIndex items, IdIndex catalogue) {
            int[] g = new int[items.size()];
            for (int i = 0; i < g.length; i++) {
                g[i] = catalogue.indexOf(items.idOf(i));
            }
            return g;
        }

        int[] fromCatalogue(int[] catalogueItems) {
            int[] out = new int[catalogueItems.length];
            int n = 0;
            for (int i : catalogueItems) {
                if (local[i] >= 0) {
                    out[n++] = local[i];
                }
            }
            return Arrays.copyOf(out, n);
        }

        /** Model-indexed scores as a catalogue-length array, NaN where the model has no opinion. */
        float[] scatter(float[] modelScores) {
            if (identity) {
                return modelScores;
            }
            float[] out = new float[local.length];
            Arrays.fill(out, Float.NaN);
            for (int i = 0; i < modelScores.length; i++) {
                out[global[i]] = modelScores[i];
            }
            return out;
        }
    }

    public static final class Builder {
        private AlsModel als;
        private ItemKnnModel knn;
        private EaseModel ease;
        private ContentModel content;
        private Interactions history;
        private HybridWeights weights = HybridWeights.defaults();

        public Builder als(AlsModel m) {
            this.als = m;
            return this;
        }

        public Builder itemKnn(ItemKnnModel m) {
            this.knn = m;
            return this;
        }

        public Builder ease(EaseModel m) {
            this.ease = m;
            return this;
        }

        public Builder content(ContentModel m) {
            this.content = m;
            return this;
        }

        /** Stored feedback of known users: their history, dislikes and the popularity signal. */
        public Builder history(Interactions h) {
            this.history = h;
            return this;
        }

        public Builder weights(HybridWeights w) {
            this.weights = w;
            return this;
        }

        public Optional<AlsModel> als() {
            return Optional.ofNullable(als);
        }

        public HybridRecommender build() {
            if (als == null && knn == null && ease == null && content == null && history == null) {
                throw new IllegalStateException("a hybrid recommender needs at least one model or a history");
            }
            return new HybridRecommender(this);
        }
    }
}
