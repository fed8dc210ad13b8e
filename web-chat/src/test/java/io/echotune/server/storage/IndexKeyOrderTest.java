package io.echotune.server.storage;

import de.bwaldvogel.mongo.backend.KeyValue;
import org.h2.mvstore.WriteBuffer;
import org.h2.mvstore.type.ObjectDataType;
import org.junit.jupiter.api.Test;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** The shortcut orders keys exactly as H2's own comparison of their serialized forms, which the files on disk use. */
class IndexKeyOrderTest {

    private final ObjectDataType h2 = new ObjectDataType();
    private final IndexKeyOrder fast = new IndexKeyOrder();

    @Test
    void agreesWithH2OnEveryPairOfASampleOfKeys() {
        Random random = new Random(7);
        List<KeyValue> keys = new ArrayList<>();
        for (String s : List.of("", "a", "b", "ab", "ba", "Z", "~", "\u007f", "telegram:42", "telegram:420", "web:x")) {
            keys.add(new KeyValue(s));
        }
        for (int i = 0; i < 60; i++) {
            keys.add(new KeyValue(UUID.randomUUID().toString()));
            keys.add(new KeyValue("rest:anonymous:" + random.ints(random.nextInt(30), 1, 128)
                    .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append)));
        }
        // keys the shortcut leaves to H2: non-ASCII text, NUL, numbers, compound keys
        keys.add(new KeyValue("tropicália"));
        keys.add(new KeyValue("a\u0000b"));
        keys.add(new KeyValue("😀"));
        keys.add(new KeyValue(42L));
        keys.add(new KeyValue("a", "b"));
        int shortcuts = 0;
        for (KeyValue a : keys) {
            for (KeyValue b : keys) {
                assertThat(Integer.signum(fast.compare(a, b))).as("%s vs %s", a, b).isEqualTo(Integer.signum(h2.compare(a, b)));
                shortcuts++;
            }
        }
        assertThat(shortcuts).isGreaterThan(10_000);
    }

    @Test
    void keysComeBackAsTheyWentInWhicheverWayTheyAreWritten() {
        List<KeyValue> keys = List.of(new KeyValue("01a252de-eb1d-751f-b2c6-e9d65eb7c034"), new KeyValue(""),
                new KeyValue("telegram:42"), new KeyValue("tropicália"), new KeyValue("a\u0000b"), new KeyValue(42L),
                new KeyValue("a", "b"));
        for (KeyValue key : keys) {
            WriteBuffer buff = new WriteBuffer();
            fast.write(buff, key);
            assertThat(fast.read(buff.getBuffer().flip())).as("%s", key).isEqualTo(key);
        }
        WriteBuffer compact = new WriteBuffer();
        fast.write(compact, keys.get(0));
        assertThat(compact.getBuffer().flip().get(0)).isEqualTo(IndexKeyOrder.ONE_ASCII_STRING);
        assertThat(compact.getBuffer().limit()).isEqualTo(2 + 36); // tag, length, the characters
        WriteBuffer other = new WriteBuffer();
        fast.write(other, keys.get(3));
        assertThat(other.getBuffer().flip().get(0)).isNotEqualTo(IndexKeyOrder.ONE_ASCII_STRING);
    }

    @Test
    void keysJavaSerializedByH2AreStillRead() {
        KeyValue key = new KeyValue("web:visitor-1");
        WriteBuffer old = new WriteBuffer();
        h2.write(old, key);
        ByteBuffer written = old.getBuffer().flip();
        assertThat(written.get(0)).isNotEqualTo(IndexKeyOrder.ONE_ASCII_STRING);
        assertThat(fast.read(written)).isEqualTo(key);
        assertThat(written.remaining()).isZero();
    }
}
