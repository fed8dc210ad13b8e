package io.echotune.bot.conversation;

import io.echotune.bot.nlu.CatalogVocabulary;
import io.echotune.bot.nlu.Nlu;
import io.echotune.music.catalog.Catalog;
import io.echotune.music.catalog.Track;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Trains the NLU at start-up from the project's training files and the catalog's names. */
@Configuration(proxyBeanMethods = false)
public class ConversationConfiguration {

    @Bean
    public Nlu nlu(Catalog catalog) {
        return Nlu.train(new CatalogVocabulary(catalog.artistNames(),
                catalog.all().stream().map(Track::title).toList(), catalog.genres()));
    }
}
