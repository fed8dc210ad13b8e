package io.echotune.music.spotify;

import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.core.type.AnnotatedTypeMetadata;

/**
 * True when a Spotify client id is configured. {@code @ConditionalOnProperty} is not enough: the property is always
 * present ({@code ${SPOTIFY_CLIENT_ID:}}), just empty when Spotify is off.
 */
public class SpotifyConfigured implements Condition {

    static final String CLIENT_ID = "echotune.spotify.client-id";

    @Override
    public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
        String id = context.getEnvironment().getProperty(CLIENT_ID);
        return id != null && !id.isBlank();
    }
}
