package io.echotune.server.storage;

import de.bwaldvogel.mongo.backend.KeyValue;
import org.h2.mvstore.type.ObjectDataType;

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
 */
final class IndexKeyOrder extends ObjectDataType {

    /** A Java-serialized string longer than this is written differently ({@code TC_LONGSTRING}). */
    private static final int MAX_SHORT_STRING = 0xFFFF;

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
