package io.echotune.channels.common;

import java.util.ArrayList;
import java.util.List;

/** Cuts a long reply into platform-sized messages at the most natural place: a blank line, a line end, a space. */
public final class MessageChunks {

    private MessageChunks() {
    }

    public static List<String> split(String text, int maxLength) {
        List<String> chunks = new ArrayList<>();
        String rest = text.strip();
        while (rest.length() > maxLength) {
            int cut = lastBreak(rest, maxLength);
            chunks.add(rest.substring(0, cut).strip());
            rest = rest.substring(cut).strip();
        }
        if (!rest.isEmpty() || chunks.isEmpty()) {
            chunks.add(rest);
        }
        return chunks;
    }

    /** Shortens {@code text} to at most {@code maxLength} characters, ending with an ellipsis when it had to cut. */
    public static String truncate(String text, int maxLength) {
        if (text.length() <= maxLength) {
            return text;
        }
        // a break right at the limit is fine: the space it cuts at is dropped, making room for the ellipsis
        String head = text.substring(0, lastBreak(text, maxLength)).strip();
        if (head.length() > maxLength - 1) {
            int end = Character.isLowSurrogate(head.charAt(maxLength - 1)) ? maxLength - 2 : maxLength - 1;
            head = head.substring(0, end);
        }
        return head + "…";
    }

    private static int lastBreak(String text, int maxLength) {
        for (String separator : new String[] {"\n\n", "\n", " "}) {
            int at = text.lastIndexOf(separator, maxLength - separator.length());
            if (at > maxLength / 2) {
                return at + separator.length();
            }
        }
        // no natural break in the second half: cut hard, but never between the two halves of a surrogate pair
        return Character.isLowSurrogate(text.charAt(maxLength)) ? maxLength - 1 : maxLength;
    }
}
