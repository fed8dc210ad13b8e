package io.echotune.server.recommendations;

import com.fasterxml.jackson.databind.JsonNode;
import io.echotune.music.cache.SharedRedis;
import io.echotune.music.catalog.Catalog;
import io.echotune.music.catalog.Track;
import io.echotune.music.history.FeedbackKind;
import io.echotune.music.recommend.RecommendationLog;
import io.echotune.server.web.RunningServer;
import io.echotune.server.web.WebClient;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.StreamSupport;

import static org.assertj.core.api.Assertions.assertThat;

/** GET /api/recommendations for REST callers, its errors, what it records, and on-demand retraining. */
class RecommendationApiTest extends RunningServer {

    @Autowired
    Catalog catalog;
    @Autowired
    MongoTemplate mongo;
    @Autowired
    ApplicationContext context;
    @Autowired
    RecommendationLog recommendationLog;

    private List<Track> tracks(JsonNode json) {
        return StreamSupport.stream(json.spliterator(), false).map(t -> catalog.find(t.get("id").asText()).orElseThrow()).toList();
    }

    @Test
    void aMoodAGenreAndASeedTrackSteerTheRestCallersPicks() {
        WebClient client = visitor();
        JsonNode calm = client.getAnonymously("/api/recommendations?userId=ann&mood=calm&limit=6").json();
        assertThat(calm).hasSize(6);
        assertThat(tracks(calm).stream().mapToDouble(t -> t.features().orElseThrow().energy()).average().orElseThrow()).isLessThan(0.45);
        assertThat(calm.get(0).get("reason").asText()).contains("fits calm");

        JsonNode rock = client.getAnonymously("/api/recommendations?userId=ann&genre=Rock&limit=5").json();
        assertThat(tracks(rock)).hasSize(5).allMatch(t -> t.genres().stream().anyMatch(g -> g.contains("rock")));

        Track seed = catalog.byArtist("Daft Punk").getFirst();
        JsonNode similar = client.getAnonymously("/api/recommendations?userId=ann&seedTrack=" + seed.id()).json();
        assertThat(similar).hasSize(10);
        assertThat(tracks(similar)).doesNotContain(seed);
        assertThat(similar.get(0).get("reason").asText()).contains("often in playlists with Daft Punk");

        assertThat(recommendationLog.flush(Duration.ofSeconds(10))).as("what was shown is stored behind the reply").isTrue();
        Document shown = mongo.getCollection("recommendations").find(new Document("request", new Document("$regex", seed.id())))
                .first();
        assertThat(shown).isNotNull();
        assertThat(shown.getString("algorithm_version")).isNotBlank();
        assertThat(shown.getList("items", Document.class)).hasSize(10)
                .allMatch(i -> i.getDouble("confidence_score") > 0 && i.getDouble("confidence_score") <= 1);
    }

    @Test
    void badParametersAreClearErrors() {
        WebClient client = visitor();
        WebClient.Response mood = client.getAnonymously("/api/recommendations?userId=ann&mood=grumpy");
        assertThat(mood.status()).isEqualTo(400);
        assertThat(mood.json().get("detail").asText()).contains("Unknown mood \"grumpy\"").contains("calm");
        WebClient.Response genre = client.getAnonymously("/api/recommendations?userId=ann&genre=polka");
        assertThat(genre.status()).isEqualTo(400);
        assertThat(genre.json().get("detail").asText()).contains("no genre \"polka\"");
        WebClient.Response seed = client.getAnonymously("/api/recommendations?userId=ann&seedTrack=nosuchtrack");
        assertThat(seed.status()).isEqualTo(404);
        assertThat(seed.json().get("detail").asText()).contains("no track nosuchtrack");
        assertThat(client.getAnonymously("/api/recommendations?userId=ann&limit=0").status()).isEqualTo(400);
        assertThat(client.getAnonymously("/api/recommendations?userId=bad%20id").status()).isEqualTo(400);
        WebClient.Response nobody = client.getAnonymously("/api/recommendations");
        assertThat(nobody.status()).isEqualTo(401);
        assertThat(nobody.json().get("detail").asText()).contains("userId");
    }

    @Test
    void withoutRedisUrlNothingConnectsToRedisAndRedisIsNotReportedDown() {
        assertThat(context.getBeanNamesForType(SharedRedis.class)).isEmpty();
        JsonNode health = visitor().getAnonymously("/actuator/health").json();
        // Spring Data Redis is not on the classpath, so no check probes localhost:6379; a 'redis' component, if any,
        // is the server's own and must not be DOWN for a Redis nobody configured
        assertThat(health.path("components").path("redis").path("status").asText("UP")).as(health.toString()).isEqualTo("UP");
        assertThat(context.getBeanNamesForType(org.springframework.boot.actuate.health.HealthContributor.class))
                .noneMatch(name -> name.equals("redisHealthContributor"));
    }

    @Test
    void retrainingOnDemandRunsInTheBackgroundAndThenServesTheCollaborativeModel() throws Exception {
        List<Track> shared = catalog.byArtist("Queen").stream().limit(4).toList();
        for (int u = 0; u < 4; u++) {
            for (Track t : shared) {
                history.record("retrain-fan-" + u, t.id(), FeedbackKind.LIKE, "test");
            }
        }
        WebClient admin = visitor();
        WebClient.Response started = admin.post("/api/admin/recommender/retrain", Map.of());
        assertThat(started.status()).isEqualTo(202);
        assertThat(started.json().get("training").asText()).isEqualTo("started");

        JsonNode status = null;
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (System.nanoTime() < deadline) {
            status = admin.get("/api/admin/recommender").json();
            if (status.get("algorithmVersion").asText().startsWith("hybrid")) break;
            Thread.sleep(100);
        }
        assertThat(status.get("algorithmVersion").asText()).startsWith("hybrid-v1+cf");
        assertThat(status.get("users").asInt()).isGreaterThanOrEqualTo(4);
        assertThat(mongo.exists(Query.query(Criteria.where("user_id").is("retrain-fan-0")), "listening_history")).isTrue();
    }
}
