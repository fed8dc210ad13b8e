package io.echotune.music.recommend;

import org.bson.Document;

import java.util.Date;

/**
 * The documents of {@code recommendations} built directly: exactly what Spring Data's mapping writes for a
 * {@link RecommendationRecord} (snake_case names, no null fields, the instant as a date, {@code _class}), which still
 * reads them back ({@code RecommendationDocumentsTest} compares the two). Why by hand: every reply writes one, and the
 * reflective mapping cost more of the server's CPU than building them and storing them with the driver.
 */
final class RecommendationDocuments {

    static final String COLLECTION = "recommendations";

    private RecommendationDocuments() {
    }

    static Document of(RecommendationRecord record) {
        Document d = new Document("_id", record.id());
        put(d, "user_id", record.userId());
        if (record.items() != null) {
            d.put("items", record.items().stream().map(RecommendationDocuments::item).toList());
        }
        put(d, "algorithm_version", record.algorithmVersion());
        put(d, "request", record.request());
        put(d, "created_at", record.createdAt() == null ? null : Date.from(record.createdAt()));
        d.put("_class", RecommendationRecord.class.getName());
        return d;
    }

    private static Document item(RecommendationRecord.Item item) {
        Document d = new Document();
        put(d, "track_id", item.trackId());
        d.put("confidence_score", item.confidenceScore());
        put(d, "reason", item.reason());
        return d;
    }

    private static void put(Document d, String field, Object value) {
        if (value != null) {
            d.put(field, value);
        }
    }
}
