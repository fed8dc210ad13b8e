package io.echotune.server.storage;

import de.bwaldvogel.mongo.MongoCollection;
import de.bwaldvogel.mongo.MongoDatabase;
import de.bwaldvogel.mongo.backend.CollectionOptions;
import de.bwaldvogel.mongo.backend.Index;
import de.bwaldvogel.mongo.backend.IndexKey;
import de.bwaldvogel.mongo.backend.KeyValue;
import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import de.bwaldvogel.mongo.backend.h2.H2Collection;
import de.bwaldvogel.mongo.backend.h2.H2Database;
import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;

import java.util.List;

/**
 * mongo-java-server's H2 backend, with its unique indexes ordered by {@link IndexKeyOrder} and its documents stored as
 * BSON ({@link BsonDocumentType}) instead of Java serialization.
 *
 * <p>A data directory written by the plain backend opens here: the index order is the same, and its Java-serialized
 * documents are still read (and rewritten in BSON as their pages are written again). Not the other way round: once a
 * document is written here the plain backend cannot read the file: it fails to start on it ("Unknown tag 123").
 */
final class IndexedH2Backend extends H2Backend {

    /** H2Database's names for a collection's documents map (its DATABASES_PREFIX) and its metadata: this and the namespace. */
    private static final String DATA_MAP_PREFIX = "databases.";
    private static final String META_MAP_PREFIX = "meta.";

    IndexedH2Backend(MVStore store) {
        super(store);
    }

    @Override
    protected MongoDatabase openOrCreateDatabase(String databaseName) {
        return new Database(databaseName);
    }

    /**
     * An inner class on purpose: H2Database's constructor already opens the existing collections and their indexes,
     * before any field of a subclass is set; the enclosing backend (and its store) is reachable then.
     */
    private final class Database extends H2Database {

        Database(String name) {
            super(name, getMvStore(), getCursorRegistry());
        }

        @Override
        protected Index<Object> openOrCreateUniqueIndex(String collectionName, String indexName, List<IndexKey> keys, boolean sparse) {
            // open the index's map first, with the faster key order; H2Database then finds it open under the same
            // name (its own naming, mapNameForIndex) and builds its index on it
            getMvStore().openMap(getFullCollectionNamespace(collectionName) + "._index_" + indexName,
                    new MVMap.Builder<KeyValue, Object>().keyType(new IndexKeyOrder()));
            return super.openOrCreateUniqueIndex(collectionName, indexName, keys, sparse);
        }

        /** H2Database's own, with the BSON value type for the documents and the documents encoded as they are stored. */
        @Override
        protected MongoCollection<Object> openOrCreateCollection(String collectionName, CollectionOptions options) {
            String namespace = getFullCollectionNamespace(collectionName);
            BsonDocumentType documents = new BsonDocumentType();
            MVMap<Object, Document> data = getMvStore().openMap(DATA_MAP_PREFIX + namespace,
                    new MVMap.Builder<Object, Document>().valueType(documents));
            MVMap<String, Object> meta = getMvStore().openMap(META_MAP_PREFIX + namespace);
            return new EncodingCollection(this, collectionName, options, data, meta, documents);
        }
    }

    /** Hands each document it stores to the value type to encode at once ({@link BsonDocumentType#encodeNow}). */
    private final class EncodingCollection extends H2Collection {

        private final BsonDocumentType documents;

        EncodingCollection(MongoDatabase database, String name, CollectionOptions options, MVMap<Object, Document> data,
                           MVMap<String, Object> meta, BsonDocumentType documents) {
            super(database, name, options, data, meta, IndexedH2Backend.this.getCursorRegistry());
            this.documents = documents;
        }

        @Override
        protected Object addDocumentInternal(Document document) {
            documents.encodeNow(document);
            return super.addDocumentInternal(document);
        }

        @Override
        protected void handleUpdate(Object position, Document oldDocument, Document newDocument) {
            documents.encodeNow(newDocument);
            super.handleUpdate(position, oldDocument, newDocument);
        }
    }
}
