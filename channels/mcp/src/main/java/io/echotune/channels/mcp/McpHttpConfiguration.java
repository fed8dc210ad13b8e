package io.echotune.channels.mcp;

import io.modelcontextprotocol.json.McpJsonMapper;
import io.modelcontextprotocol.server.McpStatelessSyncServer;
import io.modelcontextprotocol.server.transport.DefaultServerTransportSecurityValidator;
import io.modelcontextprotocol.server.transport.HttpServletStatelessServerTransport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.boot.web.servlet.ServletRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Mounts the MCP server at {@code echotune.mcp.endpoint} (default /mcp) as Streamable HTTP, when the server runs a
 * web server and {@code ECHOTUNE_MCP_ENABLED} is not false. On by default: the tools only read the catalog and
 * act for the one configured client identity; set {@code ECHOTUNE_MCP_TOKEN} before exposing it publicly.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@ConditionalOnProperty(name = "echotune.mcp.enabled", havingValue = "true", matchIfMissing = true)
public class McpHttpConfiguration {

    private static final Logger log = LoggerFactory.getLogger(McpHttpConfiguration.class);

    @Bean
    public HttpServletStatelessServerTransport mcpHttpTransport(McpJsonMapper json, McpProperties properties) {
        return HttpServletStatelessServerTransport.builder()
                .jsonMapper(json)
                .messageEndpoint(properties.endpoint())
                .securityValidator(DefaultServerTransportSecurityValidator.builder()
                        .allowedOrigins(properties.allowedOrigins()).build())
                .build();
    }

    @Bean(destroyMethod = "close")
    public McpStatelessSyncServer mcpHttpServer(HttpServletStatelessServerTransport transport, MusicMcpTools tools, McpJsonMapper json) {
        return EchoTuneMcpServers.stateless(transport, tools, json);
    }

    @Bean
    public ServletRegistrationBean<HttpServletStatelessServerTransport> mcpServlet(
            HttpServletStatelessServerTransport transport, McpStatelessSyncServer server, McpProperties properties) {
        log.info("MCP server (Streamable HTTP, stateless) at {} for client identity mcp:{}{}", properties.endpoint(),
                properties.clientId(), properties.requiresToken() ? ", bearer token required" : "");
        ServletRegistrationBean<HttpServletStatelessServerTransport> registration =
                new ServletRegistrationBean<>(transport, properties.endpoint());
        registration.setName("mcp");
        registration.setAsyncSupported(true);
        return registration;
    }

    @Bean
    public FilterRegistrationBean<McpTokenFilter> mcpTokenFilter(McpProperties properties) {
        FilterRegistrationBean<McpTokenFilter> registration = new FilterRegistrationBean<>(new McpTokenFilter(properties.token()));
        registration.addUrlPatterns(properties.endpoint());
        registration.setEnabled(properties.requiresToken());
        return registration;
    }
}
