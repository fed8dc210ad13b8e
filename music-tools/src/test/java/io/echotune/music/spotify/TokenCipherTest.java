package io.echotune.music.spotify;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TokenCipherTest {

    private final TokenCipher cipher = TokenCipher.fromBase64Key(SpotifyTestSupport.TOKEN_KEY);

    @Test
    void sealsAndOpensForTheSameOwnerOnly() {
        String sealed = cipher.encrypt("BQD-secret-token", "user-1");
        assertThat(sealed).startsWith("v1.").doesNotContain("secret");
        assertThat(cipher.encrypt("BQD-secret-token", "user-1")).as("fresh nonce each time").isNotEqualTo(sealed);
        assertThat(cipher.decrypt(sealed, "user-1")).isEqualTo("BQD-secret-token");
        assertThatThrownBy(() -> cipher.decrypt(sealed, "user-2")).isInstanceOf(IllegalArgumentException.class);
        TokenCipher otherKey = TokenCipher.fromBase64Key("AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=");
        assertThatThrownBy(() -> otherKey.decrypt(sealed, "user-1")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aMissingOrShortKeyStopsWithASentenceSayingHowToMakeOne() {
        assertThatThrownBy(() -> TokenCipher.fromBase64Key(""))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("openssl rand -base64 32");
        assertThatThrownBy(() -> TokenCipher.fromBase64Key("c2hvcnQ="))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("decodes to 5 bytes");
        assertThatThrownBy(() -> TokenCipher.fromBase64Key("not base64 !!"))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("not base64");
    }
}
