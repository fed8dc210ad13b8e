package io.echotune.channels.common;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ButtonActionTest {

    @Test
    void roundTripsWithinTelegramsSixtyFourBytes() {
        for (ButtonAction action : new ButtonAction[] {ButtonAction.like("4uLU6hMCjMI75M1A2tKUQC"),
                ButtonAction.dislike("4uLU6hMCjMI75M1A2tKUQC"), ButtonAction.more("4uLU6hMCjMI75M1A2tKUQC"), ButtonAction.save()}) {
            assertThat(action.encode().getBytes(java.nio.charset.StandardCharsets.UTF_8)).hasSizeLessThanOrEqualTo(64);
            assertThat(ButtonAction.decode(action.encode())).contains(action);
        }
    }

    @Test
    void refusesDataItDidNotWrite() {
        assertThat(ButtonAction.decode(null)).isEmpty();
        assertThat(ButtonAction.decode("delete:everything")).isEmpty();
        assertThat(ButtonAction.decode("like:")).isEmpty();
        assertThat(ButtonAction.decode("save:abc")).isEmpty();
        assertThat(ButtonAction.decode("like:{$ne:1}")).isEmpty();
    }
}
