package io.echotune.music.history;

import java.util.List;
import java.util.Map;

/** Net preference per track id: positive = played or liked, negative = disliked. */
public record Taste(Map<String, Double> weights) {

    public Taste {
        weights = Map.copyOf(weights);
    }

    public boolean isEmpty() {
        return weights.isEmpty();
    }

    public List<String> liked() {
        return weights.entrySet().stream().filter(e -> e.getValue() > 0)
                .sorted(Map.Entry.<String, Double>comparingByValue().reversed()).map(Map.Entry::getKey).toList();
    }

    public List<String> disliked() {
        return weights.entrySet().stream().filter(e -> e.getValue() < 0).map(Map.Entry::getKey).toList();
    }
}
