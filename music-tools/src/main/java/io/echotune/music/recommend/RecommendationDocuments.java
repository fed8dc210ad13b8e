package io.echotune.music.recommend;

import io.echotune.music.storage.MappedDocuments;
import org.bson.Document;
import org.springframework.data.mongodb.core.convert.MongoConverter;

/**
 * The documents of {@code recommendations} built directly: what Spring Data's mapping writes for a
 * {@link RecommendationRecord} (field names and type key from the mapping, no null fields), which still reads them back
 * ({@code RecommendationLogTest} compares the two). Why by hand: every reply writes one, and the reflective mapping
 * cost more of the server's CPU than building them and storing them with the driver.
 */
final class RecommendationDocuments {

    private static final Class<RecommendationRecord> RECORD = RecommendationRecord.class;
    private static final Class<RecommendationRecord.Item> ITEM = RecommendationRecord.Item.class;

    private final MappedDocuments mapped;

    RecommendationDocuments(MongoConverter converter) {
        this.mapped = new MappedDocuments(converter, RECORD, ITEM);
    }

    String collection() {
        return mapped.collection(RECORD);
    }

    Document of(RecommendationRecord record) {
        Document d = new Document("_id", record.id());
        mapped.put(d, RECORD, "userId", record.userId());
        if (record.items() != null) {
            d.put(mapped.field(RECORD, "items"), record.items().stream().map(this::item).toList());
        }
        mapped.put(d, RECORD, "algorithmVersion", record.algorithmVersion());
        mapped.put(d, RECORD, "request", record.request());
        mapped.put(d, RECORD, "createdAt", record.createdAt());
        mapped.writeType(RECORD, d);
        return d;
    }

    private Document item(RecommendationRecord.Item item) {
        Document d = new Document();
        mapped.put(d, ITEM, "trackId", item.trackId());
        d.put(mapped.field(ITEM, "confidenceScore"), item.confidenceScore());
        mapped.put(d, ITEM, "reason", item.reason());
        return d;
    }
}
