package io.echotune.server.security;

import com.fasterxml.jackson.core.StreamReadConstraints;
import org.springframework.boot.autoconfigure.jackson.Jackson2ObjectMapperBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Tighter limits for the one JSON mapper (REST bodies and WebSocket frames): no request of ours nests more than a
 * few levels, so deeply nested input is refused early instead of costing stack and CPU.
 */
@Configuration(proxyBeanMethods = false)
public class JsonLimits {

    static final int MAX_NESTING_DEPTH = 64;
    static final int MAX_STRING_LENGTH = 1_000_000;

    @Bean
    Jackson2ObjectMapperBuilderCustomizer jsonReadLimits() {
        return builder -> builder.postConfigurer(mapper -> mapper.getFactory().setStreamReadConstraints(
                StreamReadConstraints.builder().maxNestingDepth(MAX_NESTING_DEPTH).maxStringLength(MAX_STRING_LENGTH).build()));
    }
}
