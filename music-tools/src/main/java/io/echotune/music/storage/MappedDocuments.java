package io.echotune.music.storage;

import org.bson.Document;
import org.springframework.data.mapping.PropertyHandler;
import org.springframework.data.mongodb.core.convert.MongoConverter;
import org.springframework.data.mongodb.core.mapping.MongoPersistentEntity;
import org.springframework.data.mongodb.core.mapping.MongoPersistentProperty;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What a hand-built document needs from Spring Data's mapping so that the mapping reads it back: each property's
 * stored field name (the naming strategy is configuration: snake_case in the server), the type key the mapping writes
 * on an entity, and values converted as the mapping converts them (an Instant becomes a date). Looked up once; a
 * hand-built document then costs a map lookup per field instead of the reflective mapping of the whole record.
 */
public final class MappedDocuments {

    private final MongoConverter converter;
    private final Map<Class<?>, Map<String, String>> fieldNames = new HashMap<>();
    private final Map<Class<?>, String> collections = new HashMap<>();

    public MappedDocuments(MongoConverter converter, Class<?>... types) {
        this.converter = converter;
        for (Class<?> type : types) {
            Map<String, String> names = new HashMap<>();
            MongoPersistentEntity<?> entity = converter.getMappingContext().getRequiredPersistentEntity(type);
            entity.doWithProperties((PropertyHandler<MongoPersistentProperty>) p -> names.put(p.getName(), p.getFieldName()));
            fieldNames.put(type, Map.copyOf(names));
            collections.put(type, entity.getCollection());
        }
    }

    /** The collection the mapping stores a top-level entity of one of the types given at construction in. */
    public String collection(Class<?> type) {
        String name = collections.get(type);
        if (name == null) {
            throw new IllegalArgumentException(type.getSimpleName() + " is not a mapped type here");
        }
        return name;
    }

    /** The stored name of a property of one of the types given at construction. */
    public String field(Class<?> type, String property) {
        Map<String, String> names = fieldNames.get(type);
        String name = names == null ? null : names.get(property);
        if (name == null) {
            throw new IllegalArgumentException(type.getSimpleName() + " has no mapped property " + property);
        }
        return name;
    }

    /**
     * Sets the property's field, leaving it out when the value is null (as the mapping leaves nulls out). Strings,
     * numbers, booleans and lists of strings go in as they are, as the mapping writes them; anything else is converted
     * by the mapping.
     */
    public void put(Document document, Class<?> type, String property, Object value) {
        if (value != null) {
            document.put(field(type, property), plain(value) ? value : converter.convertToMongoType(value));
        }
    }

    private static boolean plain(Object value) {
        return value instanceof String || value instanceof Number || value instanceof Boolean
                || (value instanceof List<?> list && list.stream().allMatch(String.class::isInstance));
    }

    /** Writes the type key of a top-level entity as the mapping writes it ({@code _class} by default). */
    public void writeType(Class<?> type, Document document) {
        converter.getTypeMapper().writeType(type, document);
    }
}
