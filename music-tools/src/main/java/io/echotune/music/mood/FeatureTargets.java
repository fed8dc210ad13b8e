package io.echotune.music.mood;

import io.echotune.music.catalog.AudioFeature;
import io.echotune.music.catalog.AudioFeatures;

import java.util.EnumMap;
import java.util.Map;

/**
 * Where a request wants tracks to sit in audio-feature space, e.g. "calm" = low energy, high acousticness.
 * Only the features named are constrained; the rest are free.
 */
public record FeatureTargets(Map<AudioFeature, Double> targets) {

    public static final FeatureTargets NONE = new FeatureTargets(Map.of());

    public FeatureTargets {
        targets = Map.copyOf(targets);
    }

    public static FeatureTargets of(Object... featureAndValue) {
        Map<AudioFeature, Double> map = new EnumMap<>(AudioFeature.class);
        for (int i = 0; i < featureAndValue.length; i += 2) {
            map.put((AudioFeature) featureAndValue[i], ((Number) featureAndValue[i + 1]).doubleValue());
        }
        return new FeatureTargets(map);
    }

    public boolean isEmpty() {
        return targets.isEmpty();
    }

    /** Averages two sets of targets feature by feature; a feature named by only one side keeps that side's value. */
    public FeatureTargets blend(FeatureTargets other) {
        Map<AudioFeature, Double> merged = new EnumMap<>(AudioFeature.class);
        merged.putAll(targets);
        other.targets.forEach((feature, value) -> merged.merge(feature, value, (a, b) -> (a + b) / 2));
        return new FeatureTargets(merged);
    }

    /** Moves each named target towards {@code value} by {@code weight} (0 = unchanged, 1 = replaced). */
    public FeatureTargets shift(AudioFeature feature, double value, double weight) {
        Map<AudioFeature, Double> shifted = new EnumMap<>(AudioFeature.class);
        shifted.putAll(targets);
        shifted.merge(feature, value, (old, v) -> old + (v - old) * weight);
        return new FeatureTargets(shifted);
    }

    /** 1 when the track sits exactly on every target, falling towards 0 with root-mean-square distance. */
    public double fit(AudioFeatures features) {
        if (targets.isEmpty()) {
            return 1.0;
        }
        double sum = 0;
        for (var e : targets.entrySet()) {
            double d = features.get(e.getKey()) - e.getValue();
            sum += d * d;
        }
        return 1.0 - Math.sqrt(sum / targets.size());
    }
}
