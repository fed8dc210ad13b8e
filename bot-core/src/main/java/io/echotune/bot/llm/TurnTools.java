package io.echotune.bot.llm;

import dev.langchain4j.agent.tool.P;
import dev.langchain4j.agent.tool.Tool;
import io.echotune.bot.conversation.ChatReply.ShownPlaylist;
import io.echotune.bot.conversation.ChatReply.ShownTrack;
import io.echotune.bot.planner.MusicRequests;
import io.echotune.bot.planner.PlannedReply;
import io.echotune.bot.planner.PlanningInput;
import io.echotune.bot.sessions.SessionContext;
import io.echotune.bot.sessions.SessionContext.StoredRequest;
import io.echotune.music.catalog.Catalog;
import io.echotune.music.catalog.Track;
import io.echotune.music.mood.Activity;
import io.echotune.music.mood.Mood;
import io.echotune.music.playlists.PlaylistBuilder;
import io.echotune.music.recommend.RecommendedTrack;
import io.echotune.music.spotify.SpotifyOutcome;
import io.echotune.music.tools.MusicTools;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The music tools as the language model sees them, bound to one turn of one conversation. The user id comes
 * from the session when the turn starts, never from the model's arguments, so no prompt can make a tool act
 * for someone else. What the tools return is also what the person is shown: the reply's tracks and playlist
 * are taken from here, not from the model's text.
 */
final class TurnTools {

    static final int MAX_LIST = 25;
    static final int DEFAULT_COUNT = MusicRequests.DEFAULT_COUNT;
    static final int DEFAULT_PLAYLIST_SIZE = 15;

    private final MusicTools tools;
    private final MusicRequests requests;
    private final Catalog catalog;
    private final PlanningInput in;
    private final int maxCalls;

    private int calls;
    private SessionContext context;
    private List<ShownTrack> shown = List.of();
    private Optional<ShownPlaylist> playlist = Optional.empty();
    private final List<String> notes = new ArrayList<>();

    TurnTools(MusicTools tools, MusicRequests requests, Catalog catalog, PlanningInput in, int maxCalls) {
        this.tools = tools;
        this.requests = requests;
        this.catalog = catalog;
        this.in = in;
        this.maxCalls = maxCalls;
        this.context = in.context();
    }

    @Tool(name = "search_tracks", value = """
            Finds songs in the catalog by title, artist, album or genre words (typo-tolerant). Use it when the person \
            names a song or wants songs by an artist. The result is shown to the person as numbered cards.""")
    synchronized String searchTracks(
            @P("What to look for, e.g. \"bohemian rhapsody queen\" or \"daft punk\"") String query,
            @P(value = "How many tracks, 1-25 (default 5)", required = false) Integer count) {
        Optional<String> budget = spend();
        if (budget.isPresent()) return budget.get();
        if (query == null || query.isBlank()) {
            throw new IllegalArgumentException("query is empty: say what to look for");
        }
        int limit = clamp(count, DEFAULT_COUNT, MAX_LIST);
        List<Track> found = catalog.artistName(query.strip()).isPresent()
                ? tools.tracksByArtist(query.strip(), limit)
                : tools.searchTracks(query, limit);
        if (found.isEmpty()) {
            notes.add("I couldn't find \"" + query.strip() + "\" in the catalog.");
            return AgentPrompt.toJson(Map.of("found", 0, "note", "nothing in the catalog matches; suggest another spelling or something similar"));
        }
        show(found.stream().map(t -> new ShownTrack(t, Optional.<String>empty())).toList());
        context = new SessionContext(ids(found), Map.of(), context.lastRequest(), context.lastPlaylistId(), null);
        notes.add("Here's what I found for \"" + query.strip() + "\":");
        return tracksResult(shown);
    }

    @Tool(name = "recommend_tracks", value = """
            Recommends tracks for this person from moods, activities, genres, an era and artists or tracks to sound \
            like, using their taste. Tracks shown earlier are left out. With no criteria at all it continues the \
            last request ("another one", "more"). The result is shown to the person as numbered cards.""")
    synchronized String recommendTracks(
            @P(value = "Moods wanted", required = false) List<Mood> moods,
            @P(value = "What the person is doing while listening", required = false) List<Activity> activities,
            @P(value = "Genres or subgenres, lower-case, e.g. \"classic rock\", \"hip hop\", \"edm\"", required = false) List<String> genres,
            @P(value = "Artists the picks should sound like, e.g. [\"Daft Punk\"]", required = false) List<String> similarToArtists,
            @P(value = "Track ids (from earlier results) the picks should sound like", required = false) List<String> similarToTrackIds,
            @P(value = "Earliest release year", required = false) Integer fromYear,
            @P(value = "Latest release year", required = false) Integer toYear,
            @P(value = "How many tracks, 1-25 (default 5)", required = false) Integer count) {
        Optional<String> budget = spend();
        if (budget.isPresent()) return budget.get();
        List<String> warnings = new ArrayList<>();
        StoredRequest request = request(moods, activities, genres, similarToArtists, similarToTrackIds, fromYear, toYear,
                clamp(count, DEFAULT_COUNT, MAX_LIST), warnings);
        Set<String> exclude = new HashSet<>(context.shownTrackIds());
        shown.forEach(t -> exclude.add(t.track().id()));
        List<RecommendedTrack> picks = tools.recommend(in.userId(), requests.toCatalog(request, in.understanding(), exclude));
        if (picks.isEmpty()) {
            notes.add("I couldn't find anything for that in my catalog.");
            return AgentPrompt.toJson(Map.of("found", 0, "warnings", warnings,
                    "note", "nothing fits; the catalog is strongest in pop, rock, rap, r&b, latin and edm"));
        }
        show(picks.stream().map(p -> new ShownTrack(p.track(), Optional.of(p.reason()))).toList());
        Map<String, String> reasons = new LinkedHashMap<>();
        picks.forEach(p -> reasons.put(p.track().id(), p.reason()));
        context = new SessionContext(ids(picks.stream().map(RecommendedTrack::track).toList()), reasons, request,
                context.lastPlaylistId(), null);
        notes.add("Here are " + picks.size() + " picks — " + MusicRequests.describe(request) + ":");
        return tracksResult(shown, warnings);
    }

    @Tool(name = "build_playlist", value = """
            Builds and stores a playlist for this person. Either start from the tracks shown last ("make that a \
            playlist") or describe it with moods, activities, genres and artists; it is filled up to the size asked. \
            The playlist's tracks are shown to the person.""")
    synchronized String buildPlaylist(
            @P("The playlist's name, e.g. \"Run Club\"; make a short fitting one if the person gave none") String name,
            @P(value = "true to start from the tracks shown last", required = false) Boolean startFromShownTracks,
            @P(value = "Moods wanted", required = false) List<Mood> moods,
            @P(value = "What the person is doing while listening", required = false) List<Activity> activities,
            @P(value = "Genres or subgenres, lower-case", required = false) List<String> genres,
            @P(value = "Artists the tracks should sound like", required = false) List<String> similarToArtists,
            @P(value = "Number of tracks, 1-100 (default 15)", required = false) Integer trackCount) {
        Optional<String> budget = spend();
        if (budget.isPresent()) return budget.get();
        String playlistName = name == null || name.isBlank() ? "EchoTune Mix" : name.strip();
        if (playlistName.length() > 100) {
            throw new IllegalArgumentException("name is longer than 100 characters");
        }
        List<String> warnings = new ArrayList<>();
        StoredRequest request = request(moods, activities, genres, similarToArtists, List.of(), null, null,
                clamp(trackCount, DEFAULT_PLAYLIST_SIZE, PlaylistBuilder.MAX_TRACKS), warnings);
        List<String> startWith = Boolean.TRUE.equals(startFromShownTracks) ? currentTrackIds() : List.of();
        PlaylistBuilder.Built built = tools.buildPlaylist(in.userId(), playlistName, startWith,
                requests.toCatalog(request, in.understanding(), Set.of()));
        if (built.tracks().isEmpty()) {
            notes.add("I couldn't find tracks for that playlist in my catalog.");
            return AgentPrompt.toJson(Map.of("built", false, "note", "no tracks fit; ask for a mood, an activity or an artist"));
        }
        show(built.tracks().stream().map(t -> new ShownTrack(t, Optional.<String>empty())).toList());
        playlist = Optional.of(new ShownPlaylist(built.playlist(), built.tracks()));
        context = new SessionContext(built.playlist().trackIds(), context.reasons(), request, built.playlist().id(), null);
        notes.add("I made \"" + playlistName + "\" with " + built.tracks().size() + " tracks:");
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("built", true);
        result.put("name", playlistName);
        result.put("track_count", built.tracks().size());
        result.put("tracks", compact(shown));
        result.put("warnings", warnings);
        return AgentPrompt.toJson(result);
    }

    @Tool(name = "save_playlist", value = "Saves the playlist built in this conversation (\"save it\", \"save it to Spotify\").")
    synchronized String savePlaylist() {
        Optional<String> budget = spend();
        if (budget.isPresent()) return budget.get();
        if (context.playlistId().isEmpty()) {
            notes.add("There's no playlist in this conversation yet.");
            return AgentPrompt.toJson(Map.of("saved", false, "note", "no playlist has been built in this conversation yet"));
        }
        SpotifyOutcome saved = tools.savePlaylistToSpotify(in.userId(), context.lastPlaylistId());
        notes.add(withLink(saved));
        return AgentPrompt.toJson(Map.of("saved_in_echotune", true, "saved_to_spotify", saved.succeeded(),
                "status", saved.status().name().toLowerCase(), "note", saved.message()));
    }

    @Tool(name = "link_spotify", value = """
            Gives the person a link to connect their Spotify account ("link my Spotify"), so playlists can be saved there             and their listening history shapes recommendations.""")
    synchronized String linkSpotify() {
        Optional<String> budget = spend();
        if (budget.isPresent()) return budget.get();
        SpotifyOutcome offer = tools.spotifyLink(in.userId());
        notes.add(withLink(offer));
        return AgentPrompt.toJson(Map.of("status", offer.status().name().toLowerCase(), "note", offer.message()));
    }

    /** The tool's sentence plus its link, as the person must see it even if the model does not repeat it. */
    private static String withLink(SpotifyOutcome outcome) {
        return outcome.url().map(url -> outcome.message() + " " + url).orElse(outcome.message());
    }

    @Tool(name = "explain_pick", value = "Says why tracks shown earlier were picked (\"why the first one?\", \"why these?\").")
    synchronized String explainPick(
            @P(value = "1-based position among the tracks shown last, -1 for the last one; omit for all of them", required = false) Integer position) {
        Optional<String> budget = spend();
        if (budget.isPresent()) return budget.get();
        List<String> ids = currentTrackIds();
        if (ids.isEmpty()) {
            return AgentPrompt.toJson(Map.of("note", "nothing has been shown yet"));
        }
        List<String> which = position == null ? ids : List.of(ids.get(index(position, ids.size())));
        List<Map<String, Object>> reasons = new ArrayList<>();
        for (String id : which) {
            tools.track(id).ifPresent(t -> {
                String reason = context.reasons().getOrDefault(id, "it matched what was searched for");
                reasons.add(Map.of("n", ids.indexOf(id) + 1, "track", t.display(), "why", reason));
                notes.add("• " + t.display() + ": " + reason);
            });
        }
        return AgentPrompt.toJson(Map.of("reasons", reasons));
    }

    @Tool(name = "record_feedback", value = """
            Records that the person likes or dislikes a track, so later picks follow their taste. Name the track by \
            its position among the tracks shown last, or by its id.""")
    synchronized String recordFeedback(
            @P("true if they like it, false if they don't") Boolean liked,
            @P(value = "1-based position among the tracks shown last, -1 for the last one", required = false) Integer position,
            @P(value = "The track's id, instead of a position", required = false) String trackId) {
        Optional<String> budget = spend();
        if (budget.isPresent()) return budget.get();
        if (liked == null) {
            throw new IllegalArgumentException("liked is required: true or false");
        }
        Track track;
        if (trackId != null && !trackId.isBlank()) {
            track = tools.track(trackId.strip()).orElseThrow(() -> new IllegalArgumentException("no track has id " + trackId));
        } else if (position != null) {
            List<String> ids = currentTrackIds();
            track = tools.track(ids.get(index(position, ids.size()))).orElseThrow();
        } else {
            throw new IllegalArgumentException("say which track: a position or a track id");
        }
        tools.feedback(in.userId(), track.id(), liked);
        notes.add(liked ? "Noted — you like " + track.display() + "." : "Got it — I'll steer away from " + track.display() + ".");
        return AgentPrompt.toJson(Map.of("recorded", liked ? "like" : "dislike", "track", track.display()));
    }

    @Tool(name = "listening_stats", value = "The person's favourite tracks so far (from their likes), strongest first. Shown to them as cards.")
    synchronized String listeningStats() {
        Optional<String> budget = spend();
        if (budget.isPresent()) return budget.get();
        List<Track> top = tools.myTopTracks(in.userId(), 10);
        if (top.isEmpty()) {
            notes.add("I don't know your taste yet — tell me which songs you like and I'll remember.");
            return AgentPrompt.toJson(Map.of("favourites", List.of(), "note", "no likes yet"));
        }
        show(top.stream().map(t -> new ShownTrack(t, Optional.of("you liked it"))).toList());
        context = new SessionContext(ids(top), Map.of(), context.lastRequest(), context.lastPlaylistId(), null);
        notes.add("Your favourites so far:");
        return tracksResult(shown);
    }

    /** Whether any tool produced something a person can be shown. */
    synchronized boolean hasResults() {
        return !notes.isEmpty();
    }

    synchronized int calls() {
        return calls;
    }

    /** The reply with the model's text and exactly the tracks and playlist the tools returned. */
    synchronized PlannedReply reply(String text) {
        List<String> suggestions = playlist.isPresent()
                ? List.of("Save it", "Make it 30 songs", "Something different")
                : !shown.isEmpty()
                ? List.of("Another one", "Make it a playlist of 20", "Why these?")
                : List.of("Something upbeat for a run", "More like Daft Punk", "Calm music to study to");
        return new PlannedReply(text, shown, playlist, suggestions, context);
    }

    /** A reply composed from the tool results alone, for when the model could not finish the turn. */
    synchronized String composedText() {
        StringBuilder text = new StringBuilder(String.join("\n", notes));
        for (int i = 0; i < shown.size(); i++) {
            text.append('\n').append(i + 1).append(". ").append(shown.get(i).track().display());
        }
        return text.toString().strip();
    }

    private Optional<String> spend() {
        if (++calls > maxCalls) {
            return Optional.of(AgentPrompt.toJson(Map.of("error",
                    "the tool-call limit for this turn is used up; answer the person now with what you have")));
        }
        return Optional.empty();
    }

    private void show(List<ShownTrack> tracks) {
        shown = List.copyOf(tracks);
    }

    private List<String> currentTrackIds() {
        return context.shownTrackIds();
    }

    private StoredRequest request(List<Mood> moods, List<Activity> activities, List<String> genreNames, List<String> artists,
                                  List<String> trackIds, Integer fromYear, Integer toYear, int count, List<String> warnings) {
        List<String> knownGenres = new ArrayList<>();
        for (String g : orEmpty(genreNames)) {
            String genre = g.strip().toLowerCase();
            if (tools.hasGenre(genre)) knownGenres.add(genre);
            else warnings.add("genre '" + g + "' is not in the catalog and was left out");
        }
        List<String> knownArtists = new ArrayList<>();
        for (String a : orEmpty(artists)) {
            catalog.artistName(a.strip()).ifPresentOrElse(knownArtists::add,
                    () -> warnings.add("artist '" + a + "' is not in the catalog and was left out"));
        }
        List<String> knownTracks = new ArrayList<>();
        for (String id : orEmpty(trackIds)) {
            if (tools.track(id.strip()).isPresent()) knownTracks.add(id.strip());
            else warnings.add("track id '" + id + "' is unknown and was left out");
        }
        Integer from = fromYear, to = toYear;
        if (from != null || to != null) {
            from = from == null ? 1900 : from;
            to = to == null ? 2100 : to;
            if (from > to) throw new IllegalArgumentException("fromYear is after toYear");
        }
        StoredRequest request = new StoredRequest(knownTracks, knownArtists, knownGenres,
                orEmpty(moods).stream().map(Mood::label).toList(), orEmpty(activities).stream().map(Activity::label).toList(),
                from, to, count);
        boolean noCriteria = knownTracks.isEmpty() && knownArtists.isEmpty() && knownGenres.isEmpty()
                && request.moods().isEmpty() && request.activities().isEmpty() && from == null;
        if (noCriteria && warnings.isEmpty() && context.request().isPresent()) {
            return context.request().get().withCount(count);
        }
        return request;
    }

    private String tracksResult(List<ShownTrack> tracks) {
        return tracksResult(tracks, List.of());
    }

    private String tracksResult(List<ShownTrack> tracks, List<String> warnings) {
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("shown_to_person", true);
        result.put("tracks", compact(tracks));
        if (!warnings.isEmpty()) result.put("warnings", warnings);
        return AgentPrompt.toJson(result);
    }

    private static List<Map<String, Object>> compact(List<ShownTrack> tracks) {
        List<Map<String, Object>> out = new ArrayList<>();
        for (int i = 0; i < tracks.size(); i++) {
            Track t = tracks.get(i).track();
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("n", i + 1);
            m.put("id", t.id());
            m.put("title", t.title());
            m.put("artists", t.artistLine());
            t.releaseYear().ifPresent(y -> m.put("year", y));
            m.put("genre", t.genre());
            tracks.get(i).reason().ifPresent(r -> m.put("why", r));
            out.add(m);
        }
        return out;
    }

    private static int index(int position, int size) {
        int index = position == -1 ? size - 1 : position - 1;
        if (index < 0 || index >= size) {
            throw new IllegalArgumentException("position " + position + " is out of range: " + size + " tracks were shown");
        }
        return index;
    }

    private static int clamp(Integer value, int fallback, int max) {
        return value == null ? fallback : Math.clamp(value, 1, max);
    }

    private static List<String> ids(List<Track> tracks) {
        return tracks.stream().map(Track::id).toList();
    }

    private static <T> List<T> orEmpty(List<T> list) {
        return list == null ? List.of() : list.stream().filter(x -> x != null).toList();
    }
}
