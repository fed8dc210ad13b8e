package io.echotune.music.spotify;

import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * Encrypts Spotify tokens before they are stored (AES-256-GCM, a fresh 96-bit nonce per value). The owner's user id
 * is bound in as associated data, so a ciphertext copied onto another user's document does not decrypt.
 */
public final class TokenCipher {

    private static final String VERSION = "v1.";
    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;

    private final SecretKeySpec key;
    private final SecureRandom random = new SecureRandom();

    private TokenCipher(byte[] key) {
        this.key = new SecretKeySpec(key, "AES");
    }

    /**
     * @param base64Key base64 (standard or URL-safe) of exactly 32 bytes, e.g. from {@code openssl rand -base64 32}
     * @throws IllegalStateException with a sentence saying how to make a key, when the key is missing or malformed
     */
    public static TokenCipher fromBase64Key(String base64Key) {
        String help = "ECHOTUNE_TOKEN_KEY must be set to base64 of 32 random bytes (e.g. `openssl rand -base64 32`) "
                + "when SPOTIFY_CLIENT_ID is set: it encrypts users' Spotify tokens at rest.";
        if (base64Key == null || base64Key.isBlank()) {
            throw new IllegalStateException(help);
        }
        byte[] bytes;
        try {
            String text = base64Key.strip();
            bytes = text.contains("-") || text.contains("_") ? Base64.getUrlDecoder().decode(text) : Base64.getDecoder().decode(text);
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException(help + " The value given is not base64.");
        }
        if (bytes.length != 32) {
            throw new IllegalStateException(help + " The value given decodes to " + bytes.length + " bytes.");
        }
        return new TokenCipher(bytes);
    }

    public String encrypt(String plaintext, String owner) {
        try {
            byte[] nonce = new byte[NONCE_BYTES];
            random.nextBytes(nonce);
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, nonce));
            cipher.updateAAD(owner.getBytes(StandardCharsets.UTF_8));
            byte[] sealed = cipher.doFinal(plaintext.getBytes(StandardCharsets.UTF_8));
            byte[] out = new byte[NONCE_BYTES + sealed.length];
            System.arraycopy(nonce, 0, out, 0, NONCE_BYTES);
            System.arraycopy(sealed, 0, out, NONCE_BYTES, sealed.length);
            return VERSION + Base64.getEncoder().encodeToString(out);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is part of every Java runtime", e);
        }
    }

    /** @throws IllegalArgumentException when the value was not sealed with this key for this owner */
    public String decrypt(String sealedText, String owner) {
        if (sealedText == null || !sealedText.startsWith(VERSION)) {
            throw new IllegalArgumentException("not an encrypted token");
        }
        try {
            byte[] in = Base64.getDecoder().decode(sealedText.substring(VERSION.length()));
            if (in.length <= NONCE_BYTES) {
                throw new IllegalArgumentException("encrypted token is truncated");
            }
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, in, 0, NONCE_BYTES));
            cipher.updateAAD(owner.getBytes(StandardCharsets.UTF_8));
            return new String(cipher.doFinal(in, NONCE_BYTES, in.length - NONCE_BYTES), StandardCharsets.UTF_8);
        } catch (AEADBadTagException e) {
            // wrong key (ECHOTUNE_TOKEN_KEY changed) or a value that belongs to another user
            throw new IllegalArgumentException("encrypted token does not open with this key for this user");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is part of every Java runtime", e);
        }
    }
}
