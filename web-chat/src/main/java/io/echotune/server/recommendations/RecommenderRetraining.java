package io.echotune.server.recommendations;

import io.echotune.music.recommend.RecommenderModels;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Trains the recommender once the server is up and then on a schedule, always on the recommender's own background
 * thread so chat never waits. Not under ShedLock's {@code @SchedulerLock}: each instance serves its model from its own
 * memory, so each must train its own; a cluster-wide lock would leave the other instances on stale models. (Sharing
 * one trained model through the database is the step that would make the lock right.)
 */
@Component
public class RecommenderRetraining {

    private final RecommenderModels models;

    public RecommenderRetraining(RecommenderModels models) {
        this.models = models;
    }

    @EventListener(ApplicationReadyEvent.class)
    public void trainAtStartup() {
        models.retrainInBackground();
    }

    @Scheduled(fixedDelayString = "${echotune.recommender.retrain-interval:1h}", initialDelayString = "${echotune.recommender.retrain-interval:1h}")
    public void retrainOnSchedule() {
        models.retrainInBackground();
    }
}
