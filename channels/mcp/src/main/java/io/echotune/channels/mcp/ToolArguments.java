package io.echotune.channels.mcp;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The arguments of one tool call, read with the checks a person would expect: a wrong type, a value out of range
 * or a missing required argument becomes an {@link InvalidArgument} whose message names the argument and the rule.
 */
final class ToolArguments {

    /** A tool call that cannot be carried out as asked; the message is shown to the caller. */
    static final class InvalidArgument extends RuntimeException {
        InvalidArgument(String message) {
            super(message);
        }
    }

    private final Map<String, Object> values;

    ToolArguments(Map<String, Object> values) {
        this.values = values == null ? Map.of() : values;
    }

    String requiredText(String name, int maxLength) {
        return text(name, maxLength).orElseThrow(() -> new InvalidArgument("'" + name + "' is required."));
    }

    Optional<String> text(String name, int maxLength) {
        Object value = values.get(name);
        if (value == null) return Optional.empty();
        if (!(value instanceof String s)) throw new InvalidArgument("'" + name + "' must be a string.");
        String stripped = s.strip();
        if (stripped.isEmpty()) throw new InvalidArgument("'" + name + "' must not be empty.");
        if (stripped.length() > maxLength) throw new InvalidArgument("'" + name + "' must be at most " + maxLength + " characters.");
        return Optional.of(stripped);
    }

    int integer(String name, int defaultValue, int min, int max) {
        return optionalInteger(name, min, max).orElse(defaultValue);
    }

    Optional<Integer> optionalInteger(String name, int min, int max) {
        Object value = values.get(name);
        if (value == null) return Optional.empty();
        if (!(value instanceof Number n) || n.doubleValue() != Math.rint(n.doubleValue())) {
            throw new InvalidArgument("'" + name + "' must be a whole number.");
        }
        long v = n.longValue();
        if (v < min || v > max) throw new InvalidArgument("'" + name + "' must be between " + min + " and " + max + ".");
        return Optional.of((int) v);
    }

    boolean requiredBoolean(String name) {
        Object value = values.get(name);
        if (value == null) throw new InvalidArgument("'" + name + "' is required.");
        if (!(value instanceof Boolean b)) throw new InvalidArgument("'" + name + "' must be true or false.");
        return b;
    }

    List<String> texts(String name, int maxItems) {
        Object value = values.get(name);
        if (value == null) return List.of();
        if (!(value instanceof List<?> list)) throw new InvalidArgument("'" + name + "' must be a list of strings.");
        if (list.size() > maxItems) throw new InvalidArgument("'" + name + "' may hold at most " + maxItems + " items.");
        List<String> out = new ArrayList<>();
        for (Object item : list) {
            if (!(item instanceof String s) || s.isBlank()) throw new InvalidArgument("'" + name + "' must be a list of non-empty strings.");
            out.add(s.strip());
        }
        return out;
    }
}
