package io.echotune.server.identity;

import org.springframework.stereotype.Component;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Issues visitor tokens and turns a presented token into the visitor it identifies. A token is 256 random bits:
 * holding it is the proof, so nothing has to be stored or shared between server instances to check one.
 */
@Component
public class VisitorTokens {

    private static final String PREFIX = "v1.";
    private static final Pattern FORMAT = Pattern.compile("v1\\.[A-Za-z0-9_-]{43}");
    private static final Base64.Encoder BASE64 = Base64.getUrlEncoder().withoutPadding();

    private final SecureRandom random = new SecureRandom();

    public String issue() {
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        return PREFIX + BASE64.encodeToString(bytes);
    }

    /** The visitor a token identifies; empty when it is not a token this server could have issued. */
    public Optional<Visitor> visitor(String token) {
        if (token == null || !FORMAT.matcher(token).matches()) {
            return Optional.empty();
        }
        return Optional.of(new Visitor(BASE64.encodeToString(sha256(token))));
    }

    private static byte[] sha256(String token) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.US_ASCII));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }
}
