package io.echotune.music.ids;

import com.fasterxml.uuid.Generators;
import com.fasterxml.uuid.impl.TimeBasedEpochRandomGenerator;

import java.security.SecureRandom;

/**
 * Ids of the documents we create: UUIDv7 (RFC 9562), a millisecond timestamp followed by 74 bits from
 * {@link SecureRandom}.
 *
 * <p>Why not {@code UUID.randomUUID()}: ids that grow with time land at the end of a B-tree index, so an insert dirties
 * one index page instead of a random one. With random ids every write under load rewrote pages all over the {@code _id}
 * indexes (the embedded server serialises each dirty page at every commit) and missed the page cache on lookups.
 * MongoDB's own ObjectIds are time-ordered for the same reason.
 *
 * <p>Why the "random" flavour of v7 rather than a monotonic counter within a millisecond: session ids are the key to
 * a conversation, so the next id must not be derivable from the previous one. 74 random bits are as unguessable as
 * needed; what the id gives away is its creation time, which every such document stores anyway.
 */
public final class DocumentIds {

    private static final TimeBasedEpochRandomGenerator GENERATOR = Generators.timeBasedEpochRandomGenerator(new SecureRandom());

    private DocumentIds() {
    }

    public static String next() {
        return GENERATOR.generate().toString();
    }
}
