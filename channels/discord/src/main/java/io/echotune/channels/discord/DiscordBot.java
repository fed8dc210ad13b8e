package io.echotune.channels.discord;

import net.dv8tion.jda.api.JDA;
import net.dv8tion.jda.api.requests.GatewayIntent;
import net.dv8tion.jda.api.requests.RestConfig;
import net.dv8tion.jda.api.sharding.DefaultShardManagerBuilder;
import net.dv8tion.jda.api.sharding.ShardManager;
import net.dv8tion.jda.api.utils.ConcurrentSessionController;
import net.dv8tion.jda.api.utils.MemberCachePolicy;
import net.dv8tion.jda.api.utils.cache.CacheFlag;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

import java.util.EnumSet;
import java.util.List;

/**
 * Starts the Discord bot with the server: a JDA shard manager running this process's shards (all of them by
 * default, or a configured range so several processes share one big bot). Only non-privileged intents: slash
 * commands, DMs and mentions are the interface, so MESSAGE_CONTENT is not needed.
 */
public class DiscordBot implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(DiscordBot.class);

    private final DiscordProperties properties;
    private final DiscordEvents events;
    private volatile ShardManager shards;

    DiscordBot(DiscordProperties properties, DiscordEvents events) {
        this.properties = properties;
        this.events = events;
    }

    @Override
    public void start() {
        var builder = DefaultShardManagerBuilder.createLight(properties.token(),
                        EnumSet.of(GatewayIntent.GUILD_MESSAGES, GatewayIntent.DIRECT_MESSAGES))
                .disableCache(EnumSet.allOf(CacheFlag.class))
                .setMemberCachePolicy(MemberCachePolicy.NONE)
                .addEventListeners(events);
        if (properties.shardsTotal() > 0) {
            builder.setShardsTotal(properties.shardsTotal());
        }
        List<Integer> ids = properties.shardIds();
        if (!ids.isEmpty()) {
            builder.setShards(ids);
        }
        properties.restBase().ifPresent(base -> builder.setRestConfig(new RestConfig()
                .setBaseUrl(base.toString().endsWith("/") ? base.toString() : base + "/")));
        properties.gateway().ifPresent(gateway -> builder.setSessionController(new FixedGateway(gateway.toString(),
                Math.max(1, properties.shardsTotal()))));
        // build() returns at once; shards log in in the background, so a Discord outage never blocks start-up
        shards = builder.build();
        log.info("Discord bot starting {} of {} shard(s)", ids.isEmpty() ? "all" : ids, properties.shardsTotal() == 0 ? "recommended" : properties.shardsTotal());
    }

    @Override
    public void stop() {
        if (shards != null) {
            shards.shutdown();
            shards = null;
        }
    }

    @Override
    public boolean isRunning() {
        return shards != null;
    }

    /** The running shards (for health and tests). */
    public List<JDA> shards() {
        return shards == null ? List.of() : List.copyOf(shards.getShards());
    }

    /**
     * A gateway fixed by configuration (a gateway proxy, or a fake in tests) instead of asking Discord's REST API
     * for one; everything else, including the identify rate limit between shards, is JDA's own controller.
     */
    static final class FixedGateway extends ConcurrentSessionController {
        private final String url;
        private final int shardsTotal;

        FixedGateway(String url, int shardsTotal) {
            this.url = url;
            this.shardsTotal = shardsTotal;
        }

        @Override
        public String getGateway() {
            return url;
        }

        @Override
        public ShardedGateway getShardedGateway(JDA api) {
            return new ShardedGateway(url, shardsTotal, 1);
        }
    }
}
