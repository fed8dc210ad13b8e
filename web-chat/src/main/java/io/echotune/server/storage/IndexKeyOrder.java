package io.echotune.server.storage;

import de.bwaldvogel.mongo.backend.KeyValue;
import org.h2.mvstore.DataUtils;
import org.h2.mvstore.WriteBuffer;
import org.h2.mvstore.type.ObjectDataType;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/**
 * The order of the embedded server's index keys, computed without serializing them.
 *
 * <p>mongo-java-server keeps each unique index (every {@code _id}, and e.g. {@code users.identities}) in an H2 MVMap
 * keyed by its {@link KeyValue}, which is not {@link Comparable}. H2 then orders such keys by comparing their Java
 * serialization: two {@code ObjectOutputStream}s per comparison, about twenty comparisons per lookup. Under load that
 * was three quarters of all memory the server allocated (about 1 MB per chat turn) and a tenth of its CPU.
 *
 * <p>The order must stay exactly H2's, because it is the order of the B-trees already on disk. For the common key, one
 * string of plain ASCII, that order is known: the serialized forms are identical up to the string's two-byte length,
 * so shorter strings come first, then equal lengths compare byte by byte. Every other key (numbers, documents,
 * compound keys, other text) is compared the way H2 always did. {@code IndexKeyOrderTest} checks the shortcut against
 * H2's own comparison.
 *
 * <p>The same common key is also written without Java serialization: {@link #ONE_ASCII_STRING}, its length and its
 * bytes. Every commit rewrites each changed page of an index whole, so each insert re-wrote the dozens of keys beside it,
 * each through a new {@code ObjectOutputStream}: about 4 % of all the memory a chat turn allocated. Other keys, and
 * keys in files written before, are written and read the way H2 always did; the order does not depend on the format.
 */
final class IndexKeyOrder extends ObjectDataType {

    /** A Java-serialized string longer than this is written differently ({@code TC_LONGSTRING}). */
    private static final int MAX_SHORT_STRING = 0xFFFF;

    /**
     * First byte of a key of one short ASCII string. ObjectDataType's first bytes stop at 119 (H2 2.3, see
     * {@link BsonDocumentType#BSON}); for this one it throws "Unknown tag", so an older EchoTune cannot read such a file.
     */
    static final byte ONE_ASCII_STRING = '|';

    @Override
    public void write(WriteBuffer buff, Object value) {
        if (value instanceof KeyValue key && key.size() == 1 && key.get(0) instanceof String s && isShortAscii(s)) {
            buff.put(ONE_ASCII_STRING).putVarInt(s.length()).put(s.getBytes(StandardCharsets.US_ASCII));
            return;
        }
        super.write(buff, value);
    }

    @Override
    public Object read(ByteBuffer buff) {
        if (buff.get(buff.position()) != ONE_ASCII_STRING) {
            return super.read(buff);
        }
        buff.get();
        byte[] text = new byte[DataUtils.readVarInt(buff)];
        buff.get(text);
        return new KeyValue(new String(text, StandardCharsets.US_ASCII));
    }

    @Override
    public int compare(Object a, Object b) {
        if (a instanceof KeyValue x && b instanceof KeyValue y && x.size() == 1 && y.size() == 1
                && x.get(0) instanceof String s && y.get(0) instanceof String t && isShortAscii(s) && isShortAscii(t)) {
            return s.length() != t.length() ? Integer.compare(s.length(), t.length()) : Integer.signum(s.compareTo(t));
        }
        return super.compare(a, b);
    }

    /** Characters 1 to 127 are one byte each, and the same byte, in the modified UTF-8 of Java serialization. */
    private static boolean isShortAscii(String s) {
        if (s.length() > MAX_SHORT_STRING) {
            return false;
        }
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == 0 || c > 127) {
                return false;
            }
        }
        return true;
    }
}
