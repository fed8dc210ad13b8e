package io.echotune.recommender.data;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Maps external string ids (user ids, item ids) to dense int indices 0..size-1 and back.
 * Models work on the dense indices; only the edges of the API see strings.
 */
public final class IdIndex {

    private final List<String> ids;
    private final Map<String, Integer> indexById;

    private IdIndex(List<String> ids) {
        this.ids = List.copyOf(ids);
        this.indexById = new HashMap<>(ids.size() * 2);
        for (int i = 0; i < ids.size(); i++) {
            if (indexById.put(ids.get(i), i) != null) {
                throw new IllegalArgumentException("duplicate id: " + ids.get(i));
            }
        }
    }

    /** An index over the given ids, in the given order. */
    public static IdIndex of(Collection<String> ids) {
        return new IdIndex(new ArrayList<>(ids));
    }

    /** The dense index of {@code id}, or -1 when it is unknown. */
    public int indexOf(String id) {
        Integer i = indexById.get(id);
        return i == null ? -1 : i;
    }

    public boolean contains(String id) {
        return indexById.containsKey(id);
    }

    public String idOf(int index) {
        return ids.get(index);
    }

    public int size() {
        return ids.size();
    }

    public List<String> ids() {
        return ids;
    }

    public void writeTo(DataOutputStream out) throws IOException {
        out.writeInt(ids.size());
        for (String id : ids) {
            out.writeUTF(id);
        }
    }

    public static IdIndex readFrom(DataInputStream in) throws IOException {
        int n = in.readInt();
        if (n < 0) {
            throw new IOException("corrupt id index: negative size " + n);
        }
        List<String> ids = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            ids.add(in.readUTF());
        }
        return new IdIndex(ids);
    }

    /** Incrementally assigns indices in first-seen order. */
    public static final class Builder {
        private final List<String> ids = new ArrayList<>();
        private final Map<String, Integer> indexById = new HashMap<>();

        public int indexFor(String id) {
            Integer i = indexById.get(id);
            if (i != null) {
                return i;
            }
            int next = ids.size();
            ids.add(id);
            indexById.put(id, next);
            return next;
        }

        public int size() {
            return ids.size();
        }

        public IdIndex build() {
            return new IdIndex(ids);
        }
    }
}
