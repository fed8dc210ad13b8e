package io.echotune.recommender.model;

import io.echotune.recommender.cf.AlsModel;
import io.echotune.recommender.cf.EaseModel;
import io.echotune.recommender.cf.ItemKnnModel;
import io.echotune.recommender.content.ContentModel;
import io.echotune.recommender.data.Interactions;
import io.echotune.recommender.hybrid.HybridRecommender;
import io.echotune.recommender.hybrid.HybridWeights;

import java.util.Optional;

/**
 * The trained parts of a recommender as stored in one model file. Any part may be missing
 * (the Spark trainer, for instance, writes ALS only).
 */
public record ModelBundle(Optional<AlsModel> als, Optional<ItemKnnModel> itemKnn, Optional<ContentModel> content,
                          Optional<EaseModel> ease, HybridWeights weights) {

    /** A bundle without an EASE model. */
    public ModelBundle(Optional<AlsModel> als, Optional<ItemKnnModel> itemKnn, Optional<ContentModel> content,
                       HybridWeights weights) {
        this(als, itemKnn, content, Optional.empty(), weights);
    }

    public static ModelBundle ofAls(AlsModel als) {
        return new ModelBundle(Optional.of(als), Optional.empty(), Optional.empty(), HybridWeights.defaults());
    }

    /** A recommender over these models, with the given stored feedback as history. */
    public HybridRecommender recommender(Interactions history) {
        HybridRecommender.Builder b = HybridRecommender.builder().weights(weights).history(history);
        als.ifPresent(b::als);
        itemKnn.ifPresent(b::itemKnn);
        content.ifPresent(b::content);
        ease.ifPresent(b::ease);
        return b.build();
    }
}
