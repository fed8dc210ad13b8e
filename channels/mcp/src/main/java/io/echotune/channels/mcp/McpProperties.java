package io.echotune.channels.mcp;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.util.List;

/**
 * The MCP server's settings.
 *
 * @param enabled         whether the server mounts the Streamable HTTP endpoint ({@code ECHOTUNE_MCP_ENABLED})
 * @param endpoint        path of that endpoint
 * @param clientId        whom MCP calls act for: the EchoTune user behind the identity {@code mcp:<clientId>}
 *                        ({@code ECHOTUNE_MCP_CLIENT_ID}); one per deployment or per stdio launch, never from tool arguments
 * @param token           when set, HTTP callers must send {@code Authorization: Bearer <token>} ({@code ECHOTUNE_MCP_TOKEN})
 * @param allowedOrigins  browser origins allowed to call the HTTP endpoint (callers without an Origin header, such
 *                        as desktop assistants and IDEs, are not browsers and pass); guards against DNS rebinding
 */
@ConfigurationProperties("echotune.mcp")
public record McpProperties(
        @DefaultValue("true") boolean enabled,
        @DefaultValue("/mcp") String endpoint,
        @DefaultValue("local") String clientId,
        @DefaultValue("") String token,
        @DefaultValue({"http://localhost:*", "http://127.0.0.1:*"}) List<String> allowedOrigins) {

    public McpProperties {
        if (clientId == null || !clientId.matches("[A-Za-z0-9_.@:-]{1,64}")) {
            throw new IllegalArgumentException("echotune.mcp.client-id must be 1-64 letters, digits or _.@:- (was '" + clientId + "')");
        }
        allowedOrigins = List.copyOf(allowedOrigins);
    }

    public boolean requiresToken() {
        return token != null && !token.isBlank();
    }
}
