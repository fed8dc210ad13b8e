package io.echotune.server.websocket;

import io.echotune.server.web.WebProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.socket.config.annotation.EnableWebSocket;
import org.springframework.web.socket.config.annotation.WebSocketConfigurer;
import org.springframework.web.socket.config.annotation.WebSocketHandlerRegistry;
import org.springframework.web.socket.server.standard.ServletServerContainerFactoryBean;

/** The chat WebSocket at {@code /ws/chat}; only the server's own pages and the allowed sites may open it. */
@Configuration(proxyBeanMethods = false)
@EnableWebSocket
public class ChatSocketConfiguration implements WebSocketConfigurer {

    public static final String PATH = "/ws/chat";
    /** A 2,000-character message in 4-byte UTF-8 plus its JSON envelope fits with room to spare. */
    private static final int MAX_MESSAGE_BYTES = 16 * 1024;
    /** Closes connections whose browser vanished without a close frame (the client pings every 25 s). */
    private static final long IDLE_TIMEOUT_MS = 120_000;

    private final ChatSocketHandler handler;
    private final WebProperties properties;

    public ChatSocketConfiguration(ChatSocketHandler handler, WebProperties properties) {
        this.handler = handler;
        this.properties = properties;
    }

    @Override
    public void registerWebSocketHandlers(WebSocketHandlerRegistry registry) {
        // an empty list keeps Spring's default: same origin only
        registry.addHandler(handler, PATH).setAllowedOriginPatterns(properties.allowedOrigins().toArray(String[]::new));
    }

    @Bean
    public ServletServerContainerFactoryBean webSocketContainer() {
        ServletServerContainerFactoryBean container = new ServletServerContainerFactoryBean();
        container.setMaxTextMessageBufferSize(MAX_MESSAGE_BYTES);
        container.setMaxSessionIdleTimeout(IDLE_TIMEOUT_MS);
        return container;
    }
}
