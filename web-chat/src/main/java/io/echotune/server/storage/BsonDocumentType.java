package io.echotune.server.storage;

import de.bwaldvogel.mongo.bson.BinData;
import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.wire.BsonConstants;
import de.bwaldvogel.mongo.wire.bson.BsonDecoder;
import de.bwaldvogel.mongo.wire.bson.BsonEncoder;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import org.h2.mvstore.WriteBuffer;
import org.h2.mvstore.type.BasicDataType;
import org.h2.mvstore.type.ObjectDataType;

import java.nio.ByteBuffer;
import java.util.Collection;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * How the embedded server's documents are stored: as BSON, written and read by mongo-java-server's own codec, the one
 * that carries them over the wire, so every value the server can receive or send comes back as it went in (dates to
 * the millisecond, as on the wire; Java serialization kept an Instant's nanoseconds, which no client ever saw).
 *
 * <p>mongo-java-server's H2 backend leaves its documents to H2's {@link ObjectDataType}, which falls back to Java
 * serialization for them: under load the store's background writer spent about 9 % of the server's CPU on it, and
 * every document repeats the class descriptions of Document, LinkedHashMap, ArrayList, Instant. A one-turn chat
 * session is 2,285 bytes that way and 1,685 in BSON; storing 20,000 of them and giving each a second turn took about
 * half the CPU (driver and server together), and the file grew 29-36 % less ({@code DocumentFormatBenchmark}).
 *
 * <p>Files written before hold Java-serialized documents. A BSON value therefore starts with {@link #BSON}, a tag byte
 * ObjectDataType never writes first, and any other first byte is read the old way; an old document is rewritten in
 * BSON when its page of the file is next written (it or a neighbour changed). Not the other way round: ObjectDataType
 * refuses the tag ("Unknown tag"), so the plain backend cannot read a file written here. A value the codec cannot
 * write (a type the wire never carries, a document beyond BSON's 16 MB that the codec would refuse to read back) is
 * written the old way too, rather than failing the store's background writer.
 */
final class BsonDocumentType extends BasicDataType<Object> {

    /**
     * '{', opening a document. ObjectDataType's first bytes are its type ids (0 to 19), its tags (32 to 49) and its
     * small values (64 to 119, H2 2.3); for this one it throws "Unknown tag".
     */
    static final byte BSON = '{';

    /** What a heap object costs besides its fields (header and alignment, compressed pointers), roughly. */
    private static final int OBJECT = 16;
    private static final int REFERENCE = 4;

    /**
     * Documents encoded when they were stored, until the store writes them. Most are gone within a commit (0.1 s); a
     * document replaced or removed before that stays until the table is cleared at its bound, which only means it is
     * encoded at write time, as it would have been anyway.
     */
    private static final int ENCODED_AT_STORE_MAX = 4_096;

    private final ObjectDataType javaSerialization = new ObjectDataType();
    /**
     * By identity. A stored document changes only in an update: mongo-java-server changes the stored instance in place
     * and then stores it again, which encodes it again here before the store can see the new version.
     */
    private final Map<Document, byte[]> encodedAtStore = Collections.synchronizedMap(new IdentityHashMap<>());

    /**
     * Encodes a document as it is stored, while the server has just handled it and it is in the CPU's cache; the store
     * then writes these bytes. Why: encoded at write time (up to a commit later), every field lookup of a document
     * missed the cache, and that encoding was about 8 % of the server's CPU per chat turn, 2-3 times this one.
     */
    void encodeNow(Document document) {
        ByteBuf bson = ByteBufAllocator.DEFAULT.heapBuffer();
        try {
            if (encode(document, bson)) {
                byte[] bytes = ByteBufUtil.getBytes(bson);
                if (encodedAtStore.size() >= ENCODED_AT_STORE_MAX) {
                    encodedAtStore.clear();
                }
                encodedAtStore.put(document, bytes);
            } else {
                // updated to something the codec refuses: the bytes of its earlier version must not be written
                encodedAtStore.remove(document);
            }
        } finally {
            bson.release();
        }
    }

    @Override
    public void write(WriteBuffer buff, Object value) {
        byte[] encoded = encodedAtStore.remove(value);
        if (encoded != null) {
            buff.put(BSON).put(encoded);
            return;
        }
        if (value instanceof Document document) {
            ByteBuf bson = ByteBufAllocator.DEFAULT.heapBuffer();
            try {
                if (encode(document, bson)) {
                    buff.put(BSON).put(bson.nioBuffer());
                    return;
                }
            } finally {
                bson.release();
            }
        }
        javaSerialization.write(buff, value);
    }

    /** False when the codec refuses the document or could not read it back. */
    private static boolean encode(Document document, ByteBuf bson) {
        try {
            BsonEncoder.encodeDocument(document, bson);
        } catch (IllegalArgumentException unsupportedValue) {
            return false;
        }
        return bson.readableBytes() <= BsonConstants.MAX_BSON_OBJECT_SIZE;
    }

    @Override
    public Object read(ByteBuffer buff) {
        if (buff.get(buff.position()) != BSON) {
            return javaSerialization.read(buff);
        }
        ByteBuf rest = Unpooled.wrappedBuffer(buff.position(buff.position() + 1).slice());
        int length = rest.getIntLE(0); // BSON's own length, itself included
        Document document = BsonDecoder.decodeBson(rest.slice(0, length));
        buff.position(buff.position() + length);
        return document;
    }

    /** Equal documents are equal values; for any other pair (never needed by the collections) H2's own order. */
    @Override
    public int compare(Object a, Object b) {
        return Objects.equals(a, b) ? 0 : javaSerialization.compare(a, b);
    }

    /**
     * The page cache's estimate of a decoded document on the heap, from its shape. H2 samples it (memory estimation is
     * allowed) rather than asking for every value; ObjectDataType would answer the average serialized size instead.
     */
    @Override
    public int getMemory(Object value) {
        if (value instanceof Document document) {
            return (int) Math.min(Integer.MAX_VALUE, heapSize(document));
        }
        return javaSerialization.getMemory(value);
    }

    private static long heapSize(Object value) {
        return switch (value) {
            case null -> 0;
            case Boolean ignored -> 0; // shared instances
            case String s -> OBJECT + 24 + s.length(); // the String and its byte array, mostly Latin-1
            case Map<?, ?> map -> {
                // Document, its LinkedHashMap and table, an entry per field
                long size = 3L * OBJECT + 40 + map.size() * (40L + 2 * REFERENCE);
                for (Map.Entry<?, ?> field : map.entrySet()) {
                    size += heapSize(field.getKey()) + heapSize(field.getValue());
                }
                yield size;
            }
            case Collection<?> list -> {
                long size = 2L * OBJECT + 8 + (long) list.size() * REFERENCE;
                for (Object element : list) {
                    size += heapSize(element);
                }
                yield size;
            }
            case BinData binary -> 2L * OBJECT + binary.getData().length;
            default -> OBJECT + 16; // numbers, Instant, ObjectId, UUID: a few fields each
        };
    }

    @Override
    public Object[] createStorage(int size) {
        return new Object[size];
    }
}
