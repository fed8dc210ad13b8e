package io.echotune.channels.common;

import io.echotune.music.catalog.Track;

import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The reply text as a chat platform shows it next to its own track list: the engine's plain numbered lines
 * ("1. Title — Artist") are dropped where the platform renders those tracks itself, with links and buttons.
 */
public final class ReplyText {

    private static final Pattern NUMBERED = Pattern.compile("^\\s*\\d+[.)]\\s+(.+)$");

    private ReplyText() {
    }

    public static String withoutTrackLines(String text, List<Track> listed) {
        if (listed.isEmpty()) {
            return text;
        }
        List<String> titles = listed.stream().map(t -> t.title().toLowerCase(Locale.ROOT)).toList();
        return text.lines()
                .filter(line -> {
                    Matcher numbered = NUMBERED.matcher(line);
                    return !(numbered.matches() && titles.stream().anyMatch(numbered.group(1).toLowerCase(Locale.ROOT)::contains));
                })
                .collect(Collectors.joining("\n"))
                .strip();
    }
}
