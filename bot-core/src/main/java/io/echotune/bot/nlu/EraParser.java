package io.echotune.bot.nlu;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads a span of release years from what people say: "80s", "early 2000s", "nineties", "from 1997", "old school". */
final class EraParser {

    private static final Pattern RANGE = Pattern.compile(
            "\\b(?:between|from)?\\s*((?:19|20)\\d\\d)\\s*(?:-|to|and|till|until|through)\\s*((?:19|20)\\d\\d)\\b");
    private static final Pattern DECADE = Pattern.compile(
            "\\b(early|mid|late)?[\\s-]*'?((?:19|20)?\\d0)\\s*'?s\\b");
    private static final Pattern DECADE_WORD = Pattern.compile(
            "\\b(early|mid|late)?[\\s-]*(fifties|sixties|seventies|eighties|nineties|noughties|two thousands|twenty tens)\\b");
    private static final Pattern YEAR = Pattern.compile("\\b(?:in|from|of|since|year|released in|circa)\\s+((?:19[5-9]|20[0-2])\\d)\\b");
    private static final Pattern BARE_YEAR = Pattern.compile("\\b((?:19[5-9]|20[0-2])\\d)\\b");
    private static final Pattern OLD_SCHOOL = Pattern.compile("\\bold[\\s-]?school\\b");
    private static final Pattern OLDIES = Pattern.compile("\\b(oldies|golden oldies)\\b");
    private static final Pattern THROWBACK = Pattern.compile("\\b(throwbacks?|retro)\\b");

    private EraParser() {
    }

    /** {@code folded} is the message folded to lower case with single spaces. */
    static Optional<Era> parse(String folded) {
        Matcher m = RANGE.matcher(folded);
        if (m.find()) {
            int a = Integer.parseInt(m.group(1));
            int b = Integer.parseInt(m.group(2));
            return Optional.of(new Era(Math.min(a, b), Math.max(a, b)));
        }
        m = DECADE.matcher(folded);
        while (m.find()) {
            String digits = m.group(2);
            int start;
            if (digits.length() == 4) {
                start = Integer.parseInt(digits);
            } else {
                int two = Integer.parseInt(digits);
                start = two >= 30 ? 1900 + two : 2000 + two;
            }
            if (start >= 1900 && start <= 2030) {
                return Optional.of(part(m.group(1), start));
            }
        }
        m = DECADE_WORD.matcher(folded);
        if (m.find()) {
            int start = switch (m.group(2)) {
                case "fifties" -> 1950;
                case "sixties" -> 1960;
                case "seventies" -> 1970;
                case "eighties" -> 1980;
                case "nineties" -> 1990;
                case "twenty tens" -> 2010;
                default -> 2000;
            };
            return Optional.of(part(m.group(1), start));
        }
        m = YEAR.matcher(folded);
        if (m.find()) {
            int year = Integer.parseInt(m.group(1));
            return Optional.of(new Era(year, year));
        }
        m = BARE_YEAR.matcher(folded);
        if (m.find()) {
            int year = Integer.parseInt(m.group(1));
            return Optional.of(new Era(year, year));
        }
        if (OLD_SCHOOL.matcher(folded).find()) {
            return Optional.of(new Era(1970, 1999));
        }
        if (OLDIES.matcher(folded).find()) {
            return Optional.of(new Era(1950, 1979));
        }
        if (THROWBACK.matcher(folded).find()) {
            return Optional.of(new Era(1980, 2009));
        }
        return Optional.empty();
    }

    private static Era part(String which, int decade) {
        if (which == null) {
            return new Era(decade, decade + 9);
        }
        return switch (which) {
            case "early" -> new Era(decade, decade + 4);
            case "mid" -> new Era(decade + 3, decade + 7);
            default -> new Era(decade + 5, decade + 9);
        };
    }
}
