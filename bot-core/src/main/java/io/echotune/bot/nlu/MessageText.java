package io.echotune.bot.nlu;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import opennlp.tools.tokenize.SimpleTokenizer;
import opennlp.tools.util.Span;

/**
 * One message split into tokens the way every NLU part sees it: OpenNLP's {@link SimpleTokenizer},
 * with contractions ("don't"), decades ("80s") and ordinals ("2nd") glued back together, each emoji
 * as its own token, and a folded form (lower case, no accents, curly quotes straightened) for matching.
 */
final class MessageText {

    private static final Pattern ACCENTS = Pattern.compile("\\p{M}+");
    /** Text emoticons become the emoji people mean by them, so both read the same to the models. */
    private static final Map<String, String> EMOTICONS = Map.ofEntries(
            Map.entry(":-)", "🙂"), Map.entry(":)", "🙂"), Map.entry("=)", "🙂"), Map.entry(":]", "🙂"),
            Map.entry(":-D", "😀"), Map.entry(":D", "😀"), Map.entry("xD", "😆"), Map.entry("XD", "😆"),
            Map.entry(":-(", "🙁"), Map.entry(":(", "🙁"), Map.entry(":'(", "😢"), Map.entry(":/", "😕"),
            Map.entry(":-/", "😕"), Map.entry("<3", "❤"), Map.entry(";)", "😉"), Map.entry(";-)", "😉"),
            Map.entry(":P", "😛"), Map.entry(":p", "😛"));
    private static final Pattern EMOTICON = Pattern.compile(
            "(?<![\\w:])(:-\\)|:\\)|=\\)|:\\]|:-D|:D|xD|XD|:-\\(|:\\(|:'\\(|:-/|:/(?!/)|<3|;-\\)|;\\)|:P|:p)(?!\\w)");

    private final String original;
    private final List<String> tokens;
    private final List<String> folded;

    private MessageText(String original, List<String> tokens, List<String> folded) {
        this.original = original;
        this.tokens = tokens;
        this.folded = folded;
    }

    static MessageText of(String text) {
        String cleaned = text == null ? "" : text.strip()
                .replace('\u2019', '\'').replace('\u2018', '\'').replace('`', '\'')
                .replace('\u201c', '"').replace('\u201d', '"');
        cleaned = replaceEmoticons(cleaned);
        List<String> raw = tokenize(cleaned);
        List<String> glued = glue(raw);
        List<String> folded = new ArrayList<>(glued.size());
        for (String token : glued) {
            folded.add(fold(token));
        }
        return new MessageText(cleaned, List.copyOf(glued), List.copyOf(folded));
    }

    /** Lower case without accents: "Beyoncé" and "beyonce" fold to the same string. */
    static String fold(String s) {
        String decomposed = Normalizer.normalize(s, Normalizer.Form.NFD);
        return ACCENTS.matcher(decomposed).replaceAll("").toLowerCase(Locale.ROOT);
    }

    String original() {
        return original;
    }

    /** Tokens in their original case. */
    List<String> tokens() {
        return tokens;
    }

    /** Tokens folded to lower case without accents, aligned with {@link #tokens()}. */
    List<String> folded() {
        return folded;
    }

    int size() {
        return tokens.size();
    }

    /**
     * The word tokens only (punctuation and emoji dropped, "&" read as "and"), folded, each with the
     * index of the token it came from. Names and phrases are matched on this view.
     */
    List<Word> words() {
        List<Word> words = new ArrayList<>();
        for (int i = 0; i < folded.size(); i++) {
            String f = folded.get(i);
            if (f.equals("&")) {
                words.add(new Word("and", i));
            } else if (isWord(f)) {
                words.add(new Word(f, i));
            }
        }
        return words;
    }

    /** The folded words of a name or phrase, joined by single spaces: the key it is looked up by. */
    static String key(String phrase) {
        MessageText text = of(phrase);
        StringBuilder key = new StringBuilder();
        for (Word w : text.words()) {
            if (!key.isEmpty()) {
                key.append(' ');
            }
            key.append(w.text());
        }
        return key.toString();
    }

    /** One word of the message: its folded text and the position of its token. */
    record Word(String text, int token) {
    }

    static boolean isEmoji(String token) {
        return !token.isEmpty() && isEmojiCodePoint(token.codePointAt(0));
    }

    static boolean isWord(String token) {
        return !token.isEmpty() && Character.isLetterOrDigit(token.codePointAt(0));
    }

    private static String replaceEmoticons(String text) {
        Matcher m = EMOTICON.matcher(text);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            m.appendReplacement(out, " " + EMOTICONS.get(m.group(1)) + " ");
        }
        m.appendTail(out);
        return out.toString();
    }

    private static List<String> tokenize(String text) {
        List<String> out = new ArrayList<>();
        int runStart = 0;
        int i = 0;
        while (i < text.length()) {
            int cp = text.codePointAt(i);
            int next = i + Character.charCount(cp);
            if (isEmojiCodePoint(cp) || isEmojiJoiner(cp)) {
                addWords(text.substring(runStart, i), out);
                if (isEmojiCodePoint(cp)) {
                    out.add(new String(Character.toChars(cp)));
                }
                runStart = next;
            }
            i = next;
        }
        addWords(text.substring(runStart), out);
        return out;
    }

    private static void addWords(String run, List<String> out) {
        if (run.isBlank()) {
            return;
        }
        for (Span span : SimpleTokenizer.INSTANCE.tokenizePos(run)) {
            out.add(span.getCoveredText(run).toString());
        }
    }

    /** SimpleTokenizer splits at every change of character class; put back what people write as one word. */
    private static List<String> glue(List<String> raw) {
        List<String> out = new ArrayList<>(raw.size());
        for (int i = 0; i < raw.size(); i++) {
            String t = raw.get(i);
            String next = i + 1 < raw.size() ? raw.get(i + 1) : "";
            String after = i + 2 < raw.size() ? raw.get(i + 2) : "";
            if (isDigits(t) && next.matches("(?i)s|st|nd|rd|th|k")) {
                out.add(t + next);
                i++;
            } else if (isDigits(t) && next.equals("'") && after.equalsIgnoreCase("s")) {
                out.add(t + "s");
                i += 2;
            } else if (!t.isEmpty() && Character.isLetter(t.charAt(0)) && next.equals("'")
                    && after.matches("(?i)s|t|re|ll|ve|m|d")) {
                out.add(t + "'" + after);
                i += 2;
            } else {
                out.add(t);
            }
        }
        return out;
    }

    private static boolean isDigits(String s) {
        if (s.isEmpty()) {
            return false;
        }
        for (int i = 0; i < s.length(); i++) {
            if (!Character.isDigit(s.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    private static boolean isEmojiCodePoint(int cp) {
        return (cp >= 0x1F000 && cp <= 0x1FAFF && !(cp >= 0x1F3FB && cp <= 0x1F3FF))
                || (cp >= 0x2600 && cp <= 0x27BF)
                || (cp >= 0x2B00 && cp <= 0x2BFF)
                || cp == 0x2764 || cp == 0x2665;
    }

    /** Variation selectors, zero-width joiners and skin tones carry no meaning of their own here. */
    private static boolean isEmojiJoiner(int cp) {
        return cp == 0xFE0F || cp == 0xFE0E || cp == 0x200D || (cp >= 0x1F3FB && cp <= 0x1F3FF);
    }
}
