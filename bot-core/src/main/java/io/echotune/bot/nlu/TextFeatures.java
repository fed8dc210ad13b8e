package io.echotune.bot.nlu;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import opennlp.tools.doccat.FeatureGenerator;

/**
 * Features OpenNLP's own generators do not give: character n-grams of each word (so "recomend",
 * "plyalist" and "spotfy" still look like the words they mean), the first and last word, and the
 * entity flags the extractor found (a mood, a genre, a count ...), passed in the extra information.
 */
final class TextFeatures {

    static final String FLAGS = "flags";

    private TextFeatures() {
    }

    /**
     * Character 4-grams of every word of three letters or more, with word boundaries marked. 4-grams
     * alone scored as well as 3- and 4-grams together on unseen messages and halve training time.
     */
    static final class CharacterNGrams implements FeatureGenerator {
        private static final int GRAM = 4;

        @Override
        public Collection<String> extractFeatures(String[] text, Map<String, Object> extraInformation) {
            List<String> features = new ArrayList<>();
            for (String token : text) {
                if (token.length() < 3 || !Character.isLetter(token.charAt(0))) {
                    continue;
                }
                String w = "<" + token + ">";
                for (int i = 0; i + GRAM <= w.length(); i++) {
                    features.add("c=" + w.substring(i, i + GRAM));
                }
            }
            return features;
        }
    }

    /** Where the message starts and ends says a lot about what it asks ("play ...", "... ?"). */
    static final class Edges implements FeatureGenerator {
        @Override
        public Collection<String> extractFeatures(String[] text, Map<String, Object> extraInformation) {
            if (text.length == 0) {
                return List.of("len=0");
            }
            List<String> features = new ArrayList<>(5);
            features.add("first=" + text[0]);
            if (text.length > 1) {
                features.add("first2=" + text[0] + "_" + text[1]);
            }
            features.add("last=" + text[text.length - 1]);
            features.add("len=" + (text.length <= 2 ? "tiny" : text.length <= 5 ? "short" : text.length <= 12
                    ? "mid" : "long"));
            return features;
        }
    }

    /** The entity flags computed by {@link EntityExtractor} for this message. */
    static final class EntityFlags implements FeatureGenerator {
        @Override
        public Collection<String> extractFeatures(String[] text, Map<String, Object> extraInformation) {
            Object flags = extraInformation == null ? null : extraInformation.get(FLAGS);
            if (flags instanceof Collection<?> c) {
                List<String> features = new ArrayList<>(c.size());
                for (Object flag : c) {
                    features.add("e=" + flag);
                }
                return features;
            }
            return List.of();
        }
    }
}
