package io.echotune.server.identity;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Optional;

/** The token of an {@code Authorization: Bearer <token>} header, read the same way by every endpoint. */
public final class BearerToken {

    private static final String PREFIX = "Bearer ";

    private BearerToken() {
    }

    /** The presented token, if the header is a bearer one (the scheme is case-insensitive). */
    public static Optional<String> of(String authorizationHeader) {
        if (authorizationHeader == null || !authorizationHeader.regionMatches(true, 0, PREFIX, 0, PREFIX.length())) {
            return Optional.empty();
        }
        return Optional.of(authorizationHeader.substring(PREFIX.length()).strip());
    }

    /** Whether the header presents exactly {@code expected}, compared in constant time so timing cannot leak it. */
    public static boolean presents(String authorizationHeader, byte[] expected) {
        byte[] presented = of(authorizationHeader).map(t -> t.getBytes(StandardCharsets.UTF_8)).orElse(new byte[0]);
        return MessageDigest.isEqual(presented, expected);
    }
}
