package io.echotune.bot.linking;

import java.time.Instant;

/** A link code as shown to the person: {@code display} is the code with a dash in the middle, easy to type. */
public record IssuedCode(String code, Instant expiresAt) {

    public String display() {
        return code.substring(0, code.length() / 2) + "-" + code.substring(code.length() / 2);
    }
}
