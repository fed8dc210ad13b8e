package io.echotune.server.identity;

/**
 * An anonymous web visitor, proven by the token their browser holds.
 *
 * @param id the visitor's external id on the "web" channel: a hash of their token, so the database never holds a
 *           usable token and a leaked {@code users} collection cannot be replayed as credentials
 */
public record Visitor(String id) {

    public static final String CHANNEL = "web";
}
