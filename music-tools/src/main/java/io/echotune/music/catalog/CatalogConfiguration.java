package io.echotune.music.catalog;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Makes the shipped catalog a bean, loaded and indexed once at start-up. */
@Configuration(proxyBeanMethods = false)
public class CatalogConfiguration {

    @Bean
    public Catalog catalog() {
        return Catalog.loadShipped();
    }
}
