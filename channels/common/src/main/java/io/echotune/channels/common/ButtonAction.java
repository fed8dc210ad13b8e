package io.echotune.channels.common;

import java.util.Optional;

/**
 * What a reply button does, encoded in the few bytes a platform carries back (Telegram callback data: 64 bytes;
 * Discord custom id: 100 characters): "like:&lt;track id&gt;", "dislike:…", "more:…", "save".
 */
public record ButtonAction(Kind kind, String trackId) {

    public enum Kind { LIKE, DISLIKE, MORE, SAVE }

    public static ButtonAction like(String trackId) {
        return new ButtonAction(Kind.LIKE, trackId);
    }

    public static ButtonAction dislike(String trackId) {
        return new ButtonAction(Kind.DISLIKE, trackId);
    }

    public static ButtonAction more(String trackId) {
        return new ButtonAction(Kind.MORE, trackId);
    }

    public static ButtonAction save() {
        return new ButtonAction(Kind.SAVE, "");
    }

    public String encode() {
        return kind.name().toLowerCase() + (trackId.isEmpty() ? "" : ":" + trackId);
    }

    /** Empty for data this bot did not write (an old keyboard, a forged callback). */
    public static Optional<ButtonAction> decode(String data) {
        if (data == null) {
            return Optional.empty();
        }
        int colon = data.indexOf(':');
        String kind = colon < 0 ? data : data.substring(0, colon);
        String track = colon < 0 ? "" : data.substring(colon + 1);
        try {
            Kind parsed = Kind.valueOf(kind.toUpperCase());
            if ((parsed == Kind.SAVE) != track.isEmpty() || !track.matches("[A-Za-z0-9_-]*")) {
                return Optional.empty();
            }
            return Optional.of(new ButtonAction(parsed, track));
        } catch (IllegalArgumentException unknown) {
            return Optional.empty();
        }
    }
}
