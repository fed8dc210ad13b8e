package io.echotune.bot.conversation;

import io.echotune.bot.nlu.CatalogVocabulary;
import io.echotune.bot.nlu.Nlu;
import io.echotune.music.catalog.Catalog;
import io.echotune.music.catalog.Track;
import io.echotune.music.turns.TurnSlots;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Trains the NLU at start-up from the project's training files and the catalog's names; sizes the turns' slots. */
@Configuration(proxyBeanMethods = false)
public class ConversationConfiguration {

    private static final Logger log = LoggerFactory.getLogger(ConversationConfiguration.class);

    @Bean
    public Nlu nlu(Catalog catalog) {
        return Nlu.train(new CatalogVocabulary(catalog.artistNames(),
                catalog.all().stream().map(Track::title).toList(), catalog.genres()));
    }

    /**
     * How many chat turns compute at once ({@code ECHOTUNE_CHAT_TURN_SLOTS}). By default two per core with the
     * embedded database, whose round trips are this machine's own work; sixteen per core with {@code MONGODB_URI},
     * where a round trip is a wait on another machine and more turns must be in flight to keep the cores busy.
     */
    @Bean
    public TurnSlots turnSlots(@Value("${echotune.chat.turn-slots:0}") int configured,
                               @Value("${echotune.mongodb.uri:}") String mongoUri, ObjectProvider<MeterRegistry> meters) {
        int perCore = mongoUri.isBlank() ? 2 : 16;
        TurnSlots slots = new TurnSlots(configured > 0 ? configured : perCore * Runtime.getRuntime().availableProcessors());
        log.info("Chat turns: {} compute at once, the others wait in line (ECHOTUNE_CHAT_TURN_SLOTS)", slots.size());
        meters.ifAvailable(registry -> Gauge.builder("echotune.chat.turns.waiting", slots, TurnSlots::waiting)
                .description("Chat turns waiting in line for a slot").register(registry));
        return slots;
    }
}
