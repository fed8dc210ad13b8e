package io.echotune.server.identity;

import org.springframework.context.annotation.Configuration;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

import java.util.List;

/** Lets controllers take a {@link Visitor} parameter. */
@Configuration(proxyBeanMethods = false)
public class IdentityConfiguration implements WebMvcConfigurer {

    private final VisitorTokens tokens;

    public IdentityConfiguration(VisitorTokens tokens) {
        this.tokens = tokens;
    }

    @Override
    public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
        resolvers.add(new VisitorArgumentResolver(tokens));
    }
}
