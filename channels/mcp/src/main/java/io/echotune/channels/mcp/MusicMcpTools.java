package io.echotune.channels.mcp;

import io.echotune.bot.conversation.ChatReply;
import io.echotune.bot.conversation.ChatTurn;
import io.echotune.bot.conversation.ConversationService;
import io.echotune.bot.conversation.SessionNotFoundException;
import io.echotune.channels.mcp.ToolArguments.InvalidArgument;
import io.echotune.music.catalog.AudioFeatures;
import io.echotune.music.catalog.Catalog;
import io.echotune.music.catalog.Track;
import io.echotune.music.catalog.TrackCharacter;
import io.echotune.music.mood.Activity;
import io.echotune.music.mood.FeatureTargets;
import io.echotune.music.mood.Mood;
import io.echotune.music.playlists.PlaylistBuilder;
import io.echotune.music.recommend.RecommendRequest;
import io.echotune.music.recommend.RecommendRequest.YearRange;
import io.echotune.music.recommend.RecommendationLog;
import io.echotune.music.recommend.RecommendationRecord;
import io.echotune.music.recommend.RecommendedTrack;
import io.echotune.music.tools.MusicTools;
import io.echotune.music.users.Users;
import io.modelcontextprotocol.json.McpJsonMapper;
import io.modelcontextprotocol.spec.McpSchema;
import io.modelcontextprotocol.spec.McpSchema.CallToolResult;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * EchoTune's music tools as MCP tools, independent of the transport: search, recommend, build a playlist,
 * explain a pick, like/dislike, and a chat turn through the full conversation engine. Every call acts for the
 * configured client's user ({@code mcp:<client-id>}); no tool takes a user id, so a model cannot act for
 * someone else. Bad arguments come back as a tool error with a sentence saying what to fix.
 */
@Component
public class MusicMcpTools {

    public static final String CHANNEL = "mcp";
    private static final Logger log = LoggerFactory.getLogger(MusicMcpTools.class);
    private static final int MAX_RECOMMEND = 50;

    /** One tool: what clients see in tools/list, and what runs on tools/call. */
    public record McpTool(McpSchema.Tool definition, Function<Map<String, Object>, CallToolResult> handler) {
    }

    private final MusicTools tools;
    private final Catalog catalog;
    private final Users users;
    private final ConversationService conversations;
    private final MongoTemplate mongo;
    private final RecommendationLog shown;
    private final McpProperties properties;
    private final McpJsonMapper json;
    private final List<McpTool> all;

    public MusicMcpTools(MusicTools tools, Catalog catalog, Users users, ConversationService conversations, MongoTemplate mongo,
                         RecommendationLog shown, McpProperties properties, McpJsonMapper json) {
        this.tools = tools;
        this.shown = shown;
        this.catalog = catalog;
        this.users = users;
        this.conversations = conversations;
        this.mongo = mongo;
        this.properties = properties;
        this.json = json;
        this.all = List.of(
                tool("search_tracks", "Search tracks",
                        "Search EchoTune's catalog by artist, title, album or genre (typo-tolerant). Returns tracks with their ids.",
                        """
                        {"type":"object","properties":{
                          "query":{"type":"string","description":"what to look for, e.g. 'daft punk' or 'bohemian rhapsody'"},
                          "limit":{"type":"integer","minimum":1,"maximum":50,"default":10}},
                         "required":["query"]}""", this::searchTracks),
                tool("recommend", "Recommend tracks",
                        "Recommend tracks for the user by genre, mood, activity, similar artists or tracks and era; "
                                + "with no criteria, from the user's taste. Each pick comes with the reason it was chosen.",
                        criteriaSchema("\"count\":{\"type\":\"integer\",\"minimum\":1,\"maximum\":50,\"default\":10}", ""), this::recommend),
                tool("build_playlist", "Build a playlist",
                        "Build and save a playlist for the user: starts with the given track ids, then fills up to 'count' "
                                + "tracks matching the criteria. Returns the playlist id and its tracks.",
                        criteriaSchema("\"name\":{\"type\":\"string\",\"maxLength\":100},"
                                + "\"count\":{\"type\":\"integer\",\"minimum\":1,\"maximum\":100,\"default\":20},"
                                + "\"track_ids\":{\"type\":\"array\",\"items\":{\"type\":\"string\"},\"maxItems\":100,"
                                + "\"description\":\"tracks to start the playlist with\"}", "\"name\""), this::buildPlaylist),
                tool("explain", "Explain a pick",
                        "Why a track was recommended to the user, and what it sounds like (genre, energy, mood, tempo).",
                        """
                        {"type":"object","properties":{"track_id":{"type":"string"}},"required":["track_id"]}""", this::explain),
                tool("feedback", "Like or dislike a track",
                        "Record that the user likes or dislikes a track; later recommendations follow it.",
                        """
                        {"type":"object","properties":{"track_id":{"type":"string"},"liked":{"type":"boolean"}},
                         "required":["track_id","liked"]}""", this::feedback),
                tool("chat", "Chat with EchoTune",
                        "One message to EchoTune's conversation engine, as in its web chat ('something calm to study to', "
                                + "'another one', 'make that a playlist'). Pass the returned session_id to continue the conversation.",
                        """
                        {"type":"object","properties":{
                          "message":{"type":"string","maxLength":2000},
                          "session_id":{"type":"string","description":"from an earlier chat result; omit to start a conversation"}},
                         "required":["message"]}""", this::chat));
    }

    public List<McpTool> all() {
        return all;
    }

    private McpTool tool(String name, String title, String description, String inputSchema,
                         Function<ToolArguments, CallToolResult> handler) {
        McpSchema.Tool definition = McpSchema.Tool.builder().name(name).title(title).description(description)
                .inputSchema(json, inputSchema).build();
        return new McpTool(definition, arguments -> {
            try {
                return handler.apply(new ToolArguments(arguments));
            } catch (InvalidArgument e) {
                return error(e.getMessage());
            } catch (RuntimeException e) {
                log.warn("MCP tool {} failed", name, e);
                return error("Sorry, " + name + " failed on EchoTune's side. Please try again.");
            }
        });
    }

    private static String criteriaSchema(String extraProperties, String required) {
        String moods = Arrays.stream(Mood.values()).map(m -> "\"" + m.label() + "\"").collect(Collectors.joining(","));
        String activities = Arrays.stream(Activity.values()).map(a -> "\"" + a.label() + "\"").collect(Collectors.joining(","));
        return "{\"type\":\"object\",\"properties\":{" + extraProperties + ","
                + "\"genres\":{\"type\":\"array\",\"items\":{\"type\":\"string\"},\"maxItems\":10,\"description\":\"e.g. r&b, classic rock, edm\"},"
                + "\"moods\":{\"type\":\"array\",\"items\":{\"type\":\"string\",\"enum\":[" + moods + "]},\"maxItems\":5},"
                + "\"activities\":{\"type\":\"array\",\"items\":{\"type\":\"string\",\"enum\":[" + activities + "]},\"maxItems\":5},"
                + "\"artists\":{\"type\":\"array\",\"items\":{\"type\":\"string\"},\"maxItems\":10,\"description\":\"more like these artists\"},"
                + "\"seed_track_ids\":{\"type\":\"array\",\"items\":{\"type\":\"string\"},\"maxItems\":10,\"description\":\"more like these tracks\"},"
                + "\"year_from\":{\"type\":\"integer\",\"minimum\":1900,\"maximum\":2100},"
                + "\"year_to\":{\"type\":\"integer\",\"minimum\":1900,\"maximum\":2100}}"
                + (required.isEmpty() ? "" : ",\"required\":[" + required + "]") + "}";
    }

    /** The EchoTune user MCP calls act for. Looked up each call: a link code may have joined the identity to another user. */
    private String userId() {
        return users.forIdentity(CHANNEL, properties.clientId(), "MCP client " + properties.clientId()).getId();
    }

    private CallToolResult searchTracks(ToolArguments args) {
        String query = args.requiredText("query", 200);
        int limit = args.integer("limit", 10, 1, MusicTools.MAX_SEARCH_RESULTS);
        List<Track> found = tools.searchTracks(query, limit);
        String text = found.isEmpty() ? "No tracks match '" + query + "'." : "Tracks matching '" + query + "':\n" + numbered(found, Map.of());
        return result(text, Map.of("tracks", found.stream().map(t -> trackView(t, Optional.empty())).toList()));
    }

    private CallToolResult recommend(ToolArguments args) {
        RecommendRequest request = request(args, args.integer("count", 10, 1, MAX_RECOMMEND));
        List<RecommendedTrack> picks = tools.recommend(userId(), request);
        Map<String, String> reasons = picks.stream().collect(Collectors.toMap(p -> p.track().id(), RecommendedTrack::reason, (a, b) -> a, LinkedHashMap::new));
        List<Track> tracks = picks.stream().map(RecommendedTrack::track).toList();
        String text = tracks.isEmpty() ? "Nothing in the catalog matches all of that; try fewer criteria." : "Recommended:\n" + numbered(tracks, reasons);
        return result(text, Map.of("tracks", picks.stream().map(p -> trackView(p.track(), Optional.of(p.reason()))).toList()));
    }

    private CallToolResult buildPlaylist(ToolArguments args) {
        String name = args.requiredText("name", 100);
        List<String> startWith = knownTracks(args.texts("track_ids", PlaylistBuilder.MAX_TRACKS), "track_ids");
        RecommendRequest request = request(args, args.integer("count", 20, 1, PlaylistBuilder.MAX_TRACKS));
        PlaylistBuilder.Built built = tools.buildPlaylist(userId(), name, startWith, request);
        Map<String, Object> playlist = new LinkedHashMap<>();
        playlist.put("id", built.playlist().id());
        playlist.put("name", built.playlist().name());
        playlist.put("track_count", built.tracks().size());
        playlist.put("duration_ms", built.tracks().stream().mapToLong(Track::durationMs).sum());
        playlist.put("tracks", built.tracks().stream().map(t -> trackView(t, Optional.empty())).toList());
        String text = "Saved the playlist '" + name + "' (" + built.tracks().size() + " tracks, id " + built.playlist().id() + "):\n"
                + numbered(built.tracks(), Map.of());
        return result(text, Map.of("playlist", playlist));
    }

    private CallToolResult explain(ToolArguments args) {
        Track track = knownTrack(args.requiredText("track_id", 64), "track_id");
        // a client may ask right after "recommend", before the log (written behind the reply) has stored those picks
        shown.flush(Duration.ofSeconds(2));
        Query latest = Query.query(Criteria.where("userId").is(userId()).and("items.trackId").is(track.id()))
                .with(Sort.by(Sort.Direction.DESC, "createdAt")).limit(1);
        Optional<String> reason = Optional.ofNullable(mongo.findOne(latest, RecommendationRecord.class))
                .flatMap(r -> r.items().stream().filter(i -> i.trackId().equals(track.id())).findFirst())
                .map(RecommendationRecord.Item::reason);
        String sound = sound(track);
        String text = reason.map(r -> track.display() + " was recommended to you because " + r + ". ")
                .orElse("I haven't recommended " + track.display() + " to you before. ") + sound;
        Map<String, Object> structured = new LinkedHashMap<>();
        structured.put("track", trackView(track, reason));
        structured.put("recommended_because", reason.orElse(null));
        structured.put("sound", sound);
        return result(text, structured);
    }

    private CallToolResult feedback(ToolArguments args) {
        Track track = knownTrack(args.requiredText("track_id", 64), "track_id");
        boolean liked = args.requiredBoolean("liked");
        tools.feedback(userId(), track.id(), liked);
        return result((liked ? "Noted: you like " : "Noted: you don't like ") + track.display() + ".",
                Map.of("track_id", track.id(), "liked", liked));
    }

    private CallToolResult chat(ToolArguments args) {
        String message = args.requiredText("message", ChatTurn.MAX_TEXT_LENGTH);
        Optional<String> session = args.text("session_id", 64);
        ChatReply reply;
        try {
            reply = conversations.handle(new ChatTurn(CHANNEL, Optional.of(properties.clientId()), session, message));
        } catch (SessionNotFoundException e) {
            throw new InvalidArgument("'session_id' does not name a conversation of this client; omit it to start a new one.");
        } catch (IllegalArgumentException e) {
            throw new InvalidArgument(e.getMessage());
        }
        Map<String, Object> structured = new LinkedHashMap<>();
        structured.put("session_id", reply.sessionId());
        structured.put("text", reply.text());
        structured.put("intent", reply.intent());
        structured.put("tracks", reply.tracks().stream().map(t -> trackView(t.track(), t.reason())).toList());
        reply.playlist().ifPresent(p -> structured.put("playlist", Map.of("id", p.playlist().id(), "name", p.playlist().name(),
                "track_count", p.tracks().size())));
        structured.put("suggestions", reply.suggestions());
        StringBuilder text = new StringBuilder(reply.text());
        if (!reply.tracks().isEmpty()) {
            text.append("\n\nTrack ids: ").append(reply.tracks().stream().map(t -> t.track().id()).collect(Collectors.joining(", ")));
        }
        text.append("\n(session_id: ").append(reply.sessionId()).append(')');
        return result(text.toString(), structured);
    }

    /** The catalog request from the shared criteria arguments; every name is checked against the catalog. */
    private RecommendRequest request(ToolArguments args, int count) {
        List<String> genres = new ArrayList<>();
        for (String genre : args.texts("genres", 10)) {
            String g = genre.toLowerCase(Locale.ROOT);
            if (!catalog.genres().contains(g)) {
                throw new InvalidArgument("Unknown genre '" + genre + "'. Some known genres: "
                        + catalog.genres().stream().sorted().limit(15).collect(Collectors.joining(", ")) + ".");
            }
            genres.add(g);
        }
        FeatureTargets targets = FeatureTargets.NONE;
        List<String> words = new ArrayList<>();
        for (String mood : args.texts("moods", 5)) {
            Mood m = parse(Mood.class, mood, "moods");
            targets = targets.isEmpty() ? m.targets() : targets.blend(m.targets());
            words.add(m.label());
        }
        for (String activity : args.texts("activities", 5)) {
            Activity a = parse(Activity.class, activity, "activities");
            targets = targets.isEmpty() ? a.targets() : targets.blend(a.targets());
            words.add(a.label());
        }
        List<String> artists = args.texts("artists", 10).stream()
                .map(a -> catalog.artistName(a).orElseThrow(() -> new InvalidArgument("No artist named '" + a + "' in the catalog; search_tracks finds the spelling.")))
                .toList();
        List<String> seeds = knownTracks(args.texts("seed_track_ids", 10), "seed_track_ids");
        Optional<Integer> from = args.optionalInteger("year_from", 1900, 2100);
        Optional<Integer> to = args.optionalInteger("year_to", 1900, 2100);
        if (from.isPresent() && to.isPresent() && from.get() > to.get()) {
            throw new InvalidArgument("'year_from' must not be after 'year_to'.");
        }
        Optional<YearRange> years = from.isEmpty() && to.isEmpty() ? Optional.empty()
                : Optional.of(new YearRange(from.orElse(1900), to.orElse(2100)));
        return new RecommendRequest(seeds, artists, genres, targets, words, years, Set.of(), count);
    }

    private static <E extends Enum<E>> E parse(Class<E> type, String value, String argument) {
        try {
            return Enum.valueOf(type, value.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new InvalidArgument("'" + argument + "' has an unknown value '" + value + "'. Use one of: "
                    + Arrays.stream(type.getEnumConstants()).map(c -> c.name().toLowerCase(Locale.ROOT)).collect(Collectors.joining(", ")) + ".");
        }
    }

    private Track knownTrack(String id, String argument) {
        return tools.track(id).orElseThrow(() -> new InvalidArgument("'" + argument + "': no track with id '" + id + "' in the catalog."));
    }

    private List<String> knownTracks(List<String> ids, String argument) {
        return ids.stream().map(id -> knownTrack(id, argument).id()).toList();
    }

    private static String sound(Track track) {
        String genres = track.genre() + (track.genres().size() > 1 ? " (" + String.join(", ", track.genres().subList(1, track.genres().size())) + ")" : "");
        return track.features().map(f -> {
            List<String> words = TrackCharacter.describe(f);
            return "It sounds " + (words.isEmpty() ? "balanced" : String.join(", ", words))
                    + String.format(Locale.ROOT, " (energy %.2f, positivity %.2f, danceability %.2f, %.0f BPM); genre: %s.",
                    f.energy(), f.valence(), f.danceability(), f.tempo(), genres);
        }).orElse("Genre: " + genres + ".");
    }

    private static String numbered(List<Track> tracks, Map<String, String> reasons) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < tracks.size(); i++) {
            Track t = tracks.get(i);
            out.append(i + 1).append(". ").append(t.display()).append(" [").append(t.id()).append(']');
            t.releaseYear().ifPresent(y -> out.append(" (").append(y).append(')'));
            if (reasons.containsKey(t.id())) out.append(" — ").append(reasons.get(t.id()));
            out.append('\n');
        }
        return out.toString().strip();
    }

    private static Map<String, Object> trackView(Track t, Optional<String> reason) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("id", t.id());
        view.put("title", t.title());
        view.put("artists", t.artists());
        view.put("album", t.album());
        view.put("genre", t.genre());
        view.put("genres", t.genres());
        t.releaseYear().ifPresent(y -> view.put("release_year", y));
        view.put("popularity", t.popularity());
        view.put("duration_ms", t.durationMs());
        view.put("spotify_url", t.spotifyUrl());
        t.features().map(AudioFeatures::energy).ifPresent(e -> view.put("energy", e));
        reason.ifPresent(r -> view.put("reason", r));
        return view;
    }

    private static CallToolResult result(String text, Map<String, Object> structured) {
        return CallToolResult.builder().addTextContent(text).structuredContent(structured).isError(false).build();
    }

    private static CallToolResult error(String message) {
        return CallToolResult.builder().addTextContent(message).isError(true).build();
    }
}
