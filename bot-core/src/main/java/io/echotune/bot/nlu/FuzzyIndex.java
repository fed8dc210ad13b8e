package io.echotune.bot.nlu;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Finds a key within one edit (insert, delete, substitute or swap two neighbours) of a query, for
 * typos like "radiohed" or "the weekend". It is a symmetric-delete index: every key is stored under
 * itself and each string made by deleting one character, so a query needs only its own one-character
 * deletions looked up, with no scan over the ~30k names.
 */
final class FuzzyIndex<T> {

    private final Map<String, int[]> byVariant = new HashMap<>();
    private final List<String> keys = new ArrayList<>();
    private final List<T> values = new ArrayList<>();

    void add(String key, T value) {
        int id = keys.size();
        keys.add(key);
        values.add(value);
        put(key, id);
        for (int i = 0; i < key.length(); i++) {
            put(deleteAt(key, i), id);
        }
    }

    int size() {
        return keys.size();
    }

    /** The closest key within one edit of {@code query}; exact keys win, then the first added. */
    Optional<Hit<T>> nearest(String query) {
        return nearest(query, value -> true);
    }

    /** The closest key within one edit whose value passes {@code wanted}. */
    Optional<Hit<T>> nearest(String query, java.util.function.Predicate<T> wanted) {
        Hit<T> best = consider(null, query, byVariant.get(query), wanted);
        if (best != null && best.distance() == 0) {
            return Optional.of(best);
        }
        for (int i = 0; i < query.length(); i++) {
            best = consider(best, query, byVariant.get(deleteAt(query, i)), wanted);
        }
        return Optional.ofNullable(best);
    }

    private Hit<T> consider(Hit<T> best, String query, int[] ids, java.util.function.Predicate<T> wanted) {
        if (ids == null) {
            return best;
        }
        for (int id : ids) {
            if (!wanted.test(values.get(id))) {
                continue;
            }
            String key = keys.get(id);
            if (Math.abs(key.length() - query.length()) > 1) {
                continue;
            }
            int distance = EditDistance.osa(query, key, 1);
            if (distance <= 1 && (best == null || distance < best.distance())) {
                best = new Hit<>(key, values.get(id), distance);
            }
        }
        return best;
    }

    private void put(String variant, int id) {
        int[] ids = byVariant.get(variant);
        if (ids == null) {
            byVariant.put(variant, new int[] {id});
        } else if (ids[ids.length - 1] != id) {
            int[] grown = Arrays.copyOf(ids, ids.length + 1);
            grown[ids.length] = id;
            byVariant.put(variant, grown);
        }
    }

    private static String deleteAt(String s, int i) {
        return s.substring(0, i) + s.substring(i + 1);
    }

    record Hit<T>(String key, T value, int distance) {
    }
}
