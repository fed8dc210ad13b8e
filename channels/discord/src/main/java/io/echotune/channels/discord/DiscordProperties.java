package io.echotune.channels.discord;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The Discord bot ({@code echotune.discord.*}); on only when {@code token} is set.
 *
 * @param token       the bot token from the Discord developer portal (DISCORD_BOT_TOKEN); never logged
 * @param shardsTotal how many shards the whole bot has; 0 = as many as Discord recommends
 * @param shards      which of them this process runs, e.g. "0-3" or "4,5"; empty = all. Several processes with
 *                    the same total and disjoint ranges share one big bot
 * @param restBaseUrl the REST API base (a proxy, or a fake in tests); empty = Discord's
 * @param gatewayUrl  the gateway WebSocket (a gateway proxy, or a fake in tests); empty = ask Discord
 */
@ConfigurationProperties("echotune.discord")
public record DiscordProperties(String token, Integer shardsTotal, String shards, URI restBaseUrl, URI gatewayUrl) {

    public DiscordProperties {
        shardsTotal = shardsTotal == null || shardsTotal < 0 ? 0 : shardsTotal;
        if (gatewayUrl != null && gatewayUrl.toString().isBlank()) {
            gatewayUrl = null;
        }
        if (restBaseUrl != null && restBaseUrl.toString().isBlank()) {
            restBaseUrl = null;
        }
        if (!shardIds(shards).isEmpty() && shardsTotal == 0) {
            throw new IllegalArgumentException("DISCORD_SHARDS needs DISCORD_SHARDS_TOTAL");
        }
        for (int id : shardIds(shards)) {
            if (id >= shardsTotal) {
                throw new IllegalArgumentException("Shard " + id + " is outside DISCORD_SHARDS_TOTAL=" + shardsTotal);
            }
        }
    }

    /** The shard ids this process runs; empty = all of them. */
    public List<Integer> shardIds() {
        return shardIds(shards);
    }

    public Optional<URI> gateway() {
        return Optional.ofNullable(gatewayUrl);
    }

    public Optional<URI> restBase() {
        return Optional.ofNullable(restBaseUrl);
    }

    private static List<Integer> shardIds(String spec) {
        List<Integer> ids = new ArrayList<>();
        if (spec == null || spec.isBlank()) {
            return ids;
        }
        for (String part : spec.split(",")) {
            String[] range = part.strip().split("-");
            try {
                int from = Integer.parseInt(range[0].strip());
                int to = range.length > 1 ? Integer.parseInt(range[1].strip()) : from;
                for (int id = from; id <= to; id++) {
                    ids.add(id);
                }
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("DISCORD_SHARDS must look like \"0-3\" or \"0,2,5\", not \"" + spec + "\"");
            }
        }
        return ids;
    }

    /** Never print the token. */
    @Override
    public String toString() {
        return "DiscordProperties[shardsTotal=" + shardsTotal + ", shards=" + shards + ", restBaseUrl=" + restBaseUrl
                + ", gatewayUrl=" + gatewayUrl + "]";
    }
}
