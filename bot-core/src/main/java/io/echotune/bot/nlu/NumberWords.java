package io.echotune.bot.nlu;

import io.echotune.bot.nlu.MessageText.Word;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;

/** Reads numbers written as digits or words: "20", "twenty", "twenty-five", "a dozen", "a hundred". */
final class NumberWords {

    private static final Map<String, Integer> UNITS = Map.ofEntries(
            Map.entry("zero", 0), Map.entry("one", 1), Map.entry("two", 2), Map.entry("three", 3),
            Map.entry("four", 4), Map.entry("five", 5), Map.entry("six", 6), Map.entry("seven", 7),
            Map.entry("eight", 8), Map.entry("nine", 9), Map.entry("ten", 10), Map.entry("eleven", 11),
            Map.entry("twelve", 12), Map.entry("thirteen", 13), Map.entry("fourteen", 14),
            Map.entry("fifteen", 15), Map.entry("sixteen", 16), Map.entry("seventeen", 17),
            Map.entry("eighteen", 18), Map.entry("nineteen", 19), Map.entry("dozen", 12), Map.entry("couple", 2));
    private static final Map<String, Integer> TENS = Map.of("twenty", 20, "thirty", 30, "forty", 40,
            "fifty", 50, "sixty", 60, "seventy", 70, "eighty", 80, "ninety", 90);
    static final Map<String, Integer> ORDINALS = Map.ofEntries(
            Map.entry("first", 1), Map.entry("second", 2), Map.entry("third", 3), Map.entry("fourth", 4),
            Map.entry("fifth", 5), Map.entry("sixth", 6), Map.entry("seventh", 7), Map.entry("eighth", 8),
            Map.entry("ninth", 9), Map.entry("tenth", 10), Map.entry("eleventh", 11), Map.entry("twelfth", 12),
            Map.entry("1st", 1), Map.entry("2nd", 2), Map.entry("3rd", 3), Map.entry("4th", 4), Map.entry("5th", 5),
            Map.entry("6th", 6), Map.entry("7th", 7), Map.entry("8th", 8), Map.entry("9th", 9), Map.entry("10th", 10),
            Map.entry("11th", 11), Map.entry("12th", 12), Map.entry("last", -1), Map.entry("final", -1));

    private NumberWords() {
    }

    /** A number starting at word {@code i}, and how many words it used. */
    record Parsed(int value, int words) {
    }

    static java.util.Optional<Parsed> parseAt(List<Word> words, int i) {
        String w = words.get(i).text();
        if (w.chars().allMatch(Character::isDigit) && w.length() <= 6) {
            return java.util.Optional.of(new Parsed(Integer.parseInt(w), 1));
        }
        if ((w.equals("a") || w.equals("an")) && i + 1 < words.size()) {
            String next = words.get(i + 1).text();
            if (next.equals("dozen")) {
                return java.util.Optional.of(new Parsed(12, 2));
            }
            if (next.equals("hundred")) {
                return java.util.Optional.of(new Parsed(100, 2));
            }
            if (next.equals("couple")) {
                return java.util.Optional.of(new Parsed(2, i + 2 < words.size() && words.get(i + 2).text()
                        .equals("of") ? 3 : 2));
            }
            return java.util.Optional.empty();
        }
        Integer tens = TENS.get(w);
        if (tens != null) {
            if (i + 1 < words.size()) {
                Integer unit = UNITS.get(words.get(i + 1).text());
                if (unit != null && unit > 0 && unit < 10) {
                    return java.util.Optional.of(new Parsed(tens + unit, 2));
                }
            }
            return java.util.Optional.of(new Parsed(tens, 1));
        }
        Integer unit = UNITS.get(w);
        if (unit != null && !w.equals("couple")) {
            if (i + 1 < words.size() && words.get(i + 1).text().equals("hundred")) {
                return java.util.Optional.of(new Parsed(unit * 100, 2));
            }
            return java.util.Optional.of(new Parsed(unit, 1));
        }
        if (w.equals("hundred")) {
            return java.util.Optional.of(new Parsed(100, 1));
        }
        return java.util.Optional.empty();
    }

    static OptionalInt ordinal(String foldedWord) {
        Integer value = ORDINALS.get(foldedWord);
        return value == null ? OptionalInt.empty() : OptionalInt.of(value);
    }
}
