package io.echotune.server.web;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.util.List;

/**
 * The web chat's settings.
 *
 * @param allowedOrigins sites allowed to embed the widget: origin patterns such as {@code https://shop.example},
 *                       {@code https://*.example.org} or {@code http://localhost:[*]} ({@code ECHOTUNE_ALLOWED_ORIGINS},
 *                       comma-separated). They may open the chat WebSocket and call the web API from the browser;
 *                       the server's own pages are always allowed.
 */
@ConfigurationProperties("echotune.web")
public record WebProperties(@DefaultValue({"http://localhost:[*]", "http://127.0.0.1:[*]"}) List<String> allowedOrigins) {

    public WebProperties {
        allowedOrigins = allowedOrigins == null ? List.of()
                : allowedOrigins.stream().map(String::strip).filter(s -> !s.isEmpty()).toList();
    }
}
