package io.echotune.server.web;

import com.fasterxml.jackson.core.util.JsonRecyclerPools;
import org.springframework.boot.autoconfigure.jackson.Jackson2ObjectMapperBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The JSON mapper's read and write buffers, reused across requests. Jackson's default pool keeps them per thread, and
 * every request here runs on a new virtual thread: each REST chat turn allocated three fresh 8-16 KB buffers, about an
 * eighth of all the memory a turn allocates (async-profiler, web-chat/src/test/load). A bounded shared pool keeps at
 * most {@value #POOLED} sets, so a burst of connections cannot pin memory after it has passed.
 */
@Configuration(proxyBeanMethods = false)
public class JsonBuffers {

    static final int POOLED = 256;

    @Bean
    Jackson2ObjectMapperBuilderCustomizer sharedJsonBuffers() {
        return builder -> builder.postConfigurer(mapper -> mapper.getFactory().setRecyclerPool(JsonRecyclerPools.newBoundedPool(POOLED)));
    }
}
