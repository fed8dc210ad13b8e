package io.echotune.server.storage;

import de.bwaldvogel.mongo.MongoCollection;
import de.bwaldvogel.mongo.MongoDatabase;
import de.bwaldvogel.mongo.backend.CollectionOptions;
import de.bwaldvogel.mongo.backend.Index;
import de.bwaldvogel.mongo.backend.IndexKey;
import de.bwaldvogel.mongo.backend.KeyValue;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
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

    /** H2Database's name for a collection's documents map (its DATABASES_PREFIX) is this and the full namespace. */
    private static final String DATA_MAP_PREFIX = "databases.";

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

        @Override
        protected MongoCollection<Object> openOrCreateCollection(String collectionName, CollectionOptions options) {
            // the same for the documents: opened first with the BSON value type, then found open by H2Database
            getMvStore().openMap(DATA_MAP_PREFIX + getFullCollectionNamespace(collectionName),
                    new MVMap.Builder<Object, Object>().valueType(new BsonDocumentType()));
            return super.openOrCreateCollection(collectionName, options);
        }
    }
}
