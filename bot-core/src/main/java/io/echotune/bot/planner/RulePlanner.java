package io.echotune.bot.planner;

import io.echotune.bot.conversation.ChatReply.ShownPlaylist;
import io.echotune.bot.conversation.ChatReply.ShownTrack;
import io.echotune.bot.nlu.Entities;
import io.echotune.bot.nlu.Intent;
import io.echotune.bot.nlu.Polarity;
import io.echotune.bot.nlu.Understanding;
import io.echotune.bot.sessions.SessionContext;
import io.echotune.bot.sessions.SessionContext.StoredRequest;
import io.echotune.music.catalog.Track;
import io.echotune.music.playlists.PlaylistBuilder;
import io.echotune.music.recommend.RecommendedTrack;
import io.echotune.music.spotify.SpotifyOutcome;
import io.echotune.music.tools.MusicTools;
import org.springframework.stereotype.Component;

import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The offline planner: maps the understood intent to one music tool and composes the reply. It is the
 * default with no language model configured and the fallback when a provider fails.
 */
@Component
public class RulePlanner implements Planner {

    static final int DEFAULT_PLAYLIST_SIZE = 15;
    private static final int MAX_CHAT_LIST = 25;
    private static final Pattern SEARCH_FILLER = Pattern.compile(
            "(?i)\\b(please|can you|could you|play|find|search( for)?|look up|put on|i want to hear|show me|some|songs?|tracks?|music|by|the song|me)\\b");

    /** "music like Beethoven": the name after "like", "by", "similar to", up to punctuation or the next clause. */
    private static final Pattern NAMED_AFTER = Pattern.compile(
            "(?i)\\b(?:like|by|similar to|sounds like)\\s+(.{2,40}?)\\s*(?:$|[,.!?;]|\\s(?:but|for|and|please|pls|to|in)\\b)");
    /** What follows "like" when it points back at the conversation, not at a name. */
    private static final Pattern POINTER = Pattern.compile(
            "(?i)(?:the|this|that|these|those|it|them|one|ones|more|something|some|anything|songs?|music|stuff|to|you|me|i|"
                    + "i'd|a|an|what|my|your|our|their|his|her|we|they)\\b.*");
    private static final Pattern THANKS = Pattern.compile("(?i)\\b(thanks|thank you|thx|ty|cheers|much appreciated)\\b");
    private static final Pattern FAREWELL = Pattern.compile(
            "(?i)\\b(bye|goodbye|see you|see ya|cya|good night|gotta go|talk later|catch you later|peace out|ttyl|that's all)\\b");
    private static final Pattern UNLINK = Pattern.compile("(?i)\\b(unlink|disconnect|remove|forget|log ?out|revoke)\\b");

    private final MusicTools tools;
    private final MusicRequests requests;

    public RulePlanner(MusicTools tools) {
        this.tools = tools;
        this.requests = new MusicRequests(tools);
    }

    @Override
    public String name() {
        return "rules";
    }

    @Override
    public PlannedReply plan(PlanningInput in) {
        Understanding u = in.understanding();
        return switch (u.intent()) {
            case GREET -> say(in, greeting(u, in.text()), List.of("Something upbeat for a run", "More like Daft Punk", "Calm music to study to"));
            case HELP -> say(in, HELP_TEXT, List.of("Find Bohemian Rhapsody", "Recommend some chill r&b", "Make a playlist of 20 workout songs"));
            case SEARCH -> search(in);
            case RECOMMEND -> recommend(in);
            case BUILD_PLAYLIST -> buildPlaylist(in);
            case SAVE_PLAYLIST -> savePlaylist(in);
            case FEEDBACK_POSITIVE -> feedback(in, true);
            case FEEDBACK_NEGATIVE -> feedback(in, false);
            case EXPLAIN -> explain(in);
            case LISTENING_STATS -> stats(in);
            case LINK_SPOTIFY -> linkSpotify(in);
            case OUT_OF_SCOPE -> say(in, outOfScope(u), List.of("What can you do?", "Something calm to study to", "Play something by Radiohead"));
        };
    }

    static final String HELP_TEXT = """
            I'm EchoTune, a music assistant. You can ask me to:
            • find songs — "play something by Radiohead", "find Bohemian Rhapsody"
            • recommend music by mood, activity, genre or era — "something calm to study to", "upbeat 80s rock"
            • find music like an artist or song — "more like Daft Punk"
            • build a playlist — "make a 20-song workout playlist called Run Club"
            • learn your taste — "I love the second one", "not that one"
            • explain a pick — "why that song?\"""";

    /**
     * A greeting answers in kind: "thanks" is not met with "Hi!", and "bye" (which the sentiment model reads as sad)
     * not with "sounds like things could be better".
     */
    private static String greeting(Understanding u, String text) {
        boolean farewell = FAREWELL.matcher(text).find();
        if (THANKS.matcher(text).find()) {
            return farewell ? "You're welcome — enjoy the music! Come back any time."
                    : "You're welcome! Want more — another mood, an artist you love, or a playlist?";
        }
        if (farewell) {
            return "Bye — enjoy the music! Come back any time.";
        }
        String opener = u.sentiment().polarity() == Polarity.NEGATIVE
                ? "Hi — sounds like things could be better. Music might help."
                : "Hi! I'm EchoTune.";
        return opener + " Tell me a mood, an activity, an artist you love or a song, and I'll find music for it.";
    }

    private static String outOfScope(Understanding u) {
        return "I'm only good at music, so I can't help with that one. "
                + "I can find songs, recommend music for a mood or activity, find artists like the ones you love, and build playlists.";
    }

    private PlannedReply search(PlanningInput in) {
        Entities e = in.understanding().entities();
        int limit = Math.min(e.count().orElse(MusicRequests.DEFAULT_COUNT), MAX_CHAT_LIST);
        List<Track> found;
        String what;
        if (!e.tracks().isEmpty()) {
            String query = e.tracks().getFirst() + (e.artists().isEmpty() ? "" : " " + e.artists().getFirst());
            found = tools.searchTracks(query, limit);
            what = "\"" + e.tracks().getFirst().replaceFirst(" - .*$", "") + "\""; // "Song - 2011 Mix" reads as "Song"
        } else if (!e.artists().isEmpty()) {
            found = tools.tracksByArtist(e.artists().getFirst(), limit);
            what = e.artists().getFirst();
        } else {
            String query = SEARCH_FILLER.matcher(in.text()).replaceAll(" ").replaceAll("[^\\p{L}\\p{N}' &-]", " ").strip();
            found = query.isBlank() ? List.of() : tools.searchTracks(query, limit);
            what = "\"" + query + "\"";
        }
        if (found.isEmpty()) {
            return say(in, "I couldn't find " + what + " in the catalog. Try another spelling, or ask me for something similar.",
                    List.of("Recommend something like it", "What can you do?"));
        }
        List<ShownTrack> shown = found.stream().map(t -> new ShownTrack(t, Optional.<String>empty())).toList();
        String text = "Here's what I found for " + what + ":\n" + numbered(found);
        return new PlannedReply(text, shown, Optional.empty(),
                List.of("More like the first one", "Make these a playlist", "I love the first one"),
                shownContext(in.context(), found, Map.of(), in.context().request().orElse(null)));
    }

    private PlannedReply recommend(PlanningInput in) {
        Understanding u = in.understanding();
        SessionContext ctx = in.context();
        Entities e = u.entities();
        StoredRequest request = requests.resolve(in.text(), u, ctx.request(), MusicRequests.DEFAULT_COUNT);
        Optional<Track> pointedAt = e.ordinal().isPresent() ? target(in) : Optional.empty();
        if (pointedAt.isPresent() && mentionsLike(in.text())) {
            // "more like the second one": that track is the seed
            request = request.withOnlySeedTrack(pointedAt.get().id());
        } else if (e.refersToPrevious() && mentionsLikeThat(in.text()) && e.artists().isEmpty() && e.tracks().isEmpty()
                && !ctx.shownTrackIds().isEmpty()) {
            // "more like that": the tracks just shown become the seeds
            request = request.withSeedTracks(ctx.shownTrackIds());
        }
        request = request.withCount(Math.min(request.count(), MAX_CHAT_LIST));
        List<String> unknownGenres = request.genres().stream().filter(g -> !tools.hasGenre(g)).toList();
        if (!unknownGenres.isEmpty()) {
            request = request.withGenres(request.genres().stream().filter(tools::hasGenre).toList());
            if (!MusicRequests.hasCriteria(request)) {
                return say(in, "My catalog has no " + String.join(" or ", unknownGenres) + " yet — it is strongest in pop, rock, rap, "
                        + "r&b, latin and edm. Want to try one of those, or a mood?", List.of("Some chill r&b", "Classic rock", "Something upbeat"));
            }
        }
        Set<String> exclude = new HashSet<>(ctx.shownTrackIds());
        List<RecommendedTrack> picks = tools.recommend(in.userId(), requests.toCatalog(request, u, exclude));
        if (picks.isEmpty()) {
            String genres = request.genres().isEmpty() ? "" : " for " + String.join(", ", request.genres());
            return say(in, "I couldn't find anything" + genres + " in my catalog. It is strongest in pop, rock, rap, r&b, latin and edm — want to try one of those?",
                    List.of("Some chill r&b", "Classic rock", "Upbeat latin pop"));
        }
        List<Track> tracks = picks.stream().map(RecommendedTrack::track).toList();
        Map<String, String> reasons = new LinkedHashMap<>();
        picks.forEach(p -> reasons.put(p.track().id(), p.reason()));
        Optional<String> unknown = MusicRequests.hasCriteria(request) ? Optional.empty() : unknownName(in.text());
        String intro = unknown.isPresent()
                ? "I don't know " + unknown.get() + " — my catalog is strongest in pop, rock, rap, r&b, latin and edm. "
                        + "Here are some popular picks meanwhile:\n"
                : u.sentiment().polarity() == Polarity.NEGATIVE && request.moods().isEmpty()
                ? "Sorry it's a rough moment. Here's something gentle that might help:\n"
                : "Here " + (picks.size() == 1 ? "is one pick" : "are " + picks.size() + " picks") + aboutWhat(request) + ":\n";
        List<ShownTrack> shown = picks.stream().map(p -> new ShownTrack(p.track(), Optional.of(p.reason()))).toList();
        return new PlannedReply(intro + numbered(tracks), shown, Optional.empty(),
                List.of("Another one", "Make it a playlist of 20", "Why these?"),
                shownContext(ctx, tracks, reasons, request));
    }

    private PlannedReply buildPlaylist(PlanningInput in) {
        Understanding u = in.understanding();
        SessionContext ctx = in.context();
        StoredRequest request = requests.resolve(in.text(), u, ctx.request(), DEFAULT_PLAYLIST_SIZE);
        // "make it more upbeat" after a classic rock playlist: an upbeat classic rock playlist, from new tracks
        boolean moodChange = ctx.request().isPresent() && MusicRequests.changesOnlyTheMood(in.text(), u.entities());
        // "make that a playlist" / "make it 20" starts from the tracks just shown
        boolean fromShown = !moodChange && (u.entities().refersToPrevious() || !MusicRequests.hasCriteria(u.entities()))
                && !ctx.shownTrackIds().isEmpty();
        List<String> startWith = fromShown ? ctx.shownTrackIds() : List.of();
        String name = u.entities().playlistName().orElseGet(() -> defaultName(request));
        PlaylistBuilder.Built built = tools.buildPlaylist(in.userId(), name, startWith,
                requests.toCatalog(request, u, Set.of()));
        if (built.tracks().isEmpty()) {
            return say(in, "I couldn't find tracks for that playlist in my catalog. Try a mood, an activity or an artist.", List.of());
        }
        String text = "I made \"" + name + "\" with " + built.tracks().size() + " tracks:\n" + numbered(built.tracks())
                + "\nSay \"save it to Spotify\" to keep it there.";
        SessionContext next = new SessionContext(built.playlist().trackIds(), ctx.reasons(), request, built.playlist().id(), null);
        return new PlannedReply(text, built.tracks().stream().map(t -> new ShownTrack(t, Optional.<String>empty())).toList(),
                Optional.of(new ShownPlaylist(built.playlist(), built.tracks())),
                List.of("Save it to Spotify", "Make it 30 songs", "Something different"), next);
    }

    private PlannedReply savePlaylist(PlanningInput in) {
        if (in.context().playlistId().isEmpty()) {
            return say(in, "There's no playlist in this conversation yet. Ask me to build one first, e.g. \"make a chill playlist\".",
                    List.of("Make a chill playlist", "Make a 20-song workout playlist"));
        }
        SpotifyOutcome saved = tools.savePlaylistToSpotify(in.userId(), in.context().lastPlaylistId());
        if (saved.status() == SpotifyOutcome.Status.NOT_CONFIGURED) {
            return say(in, "Your playlist is saved in EchoTune (playlist id " + in.context().lastPlaylistId() + "). "
                    + "Saving to Spotify needs a linked Spotify account, which this server doesn't offer.", List.of("Recommend more like it"));
        }
        List<String> next = switch (saved.status()) {
            case DONE, ALREADY_DONE -> List.of("Recommend more like it", "Make another playlist");
            case NOT_LINKED -> List.of("Save it to Spotify");
            case UNAVAILABLE -> List.of("Save it to Spotify", "Recommend more like it");
            default -> List.of("Recommend more like it");
        };
        return say(in, saved.message(), next);
    }

    /** "Link my Spotify" answers a login link; "unlink/disconnect Spotify" (the same intent) removes the link. */
    private PlannedReply linkSpotify(PlanningInput in) {
        if (UNLINK.matcher(in.text()).find()) {
            return say(in, tools.unlinkSpotify(in.userId()).message(), List.of("Recommend something for me"));
        }
        SpotifyOutcome offer = tools.spotifyLink(in.userId());
        return say(in, offer.message(), offer.status() == SpotifyOutcome.Status.DONE
                ? List.of("Recommend something for me", "What are my favourites?") : List.of("Recommend something for me"));
    }

    private PlannedReply feedback(PlanningInput in, boolean liked) {
        SessionContext ctx = in.context();
        Optional<Track> target = target(in);
        List<String> artists = in.understanding().entities().artists();
        if (target.isEmpty() && !artists.isEmpty()) {
            return artistFeedback(in, artists.getFirst(), liked);
        }
        if (target.isEmpty()) {
            String ask = ctx.shownTrackIds().isEmpty()
                    ? "Which song do you mean? Ask me for some music first and then tell me which ones you like."
                    : "Which one do you mean? Say e.g. \"the second one\" or \"the last one\".";
            return say(in, ask, List.of());
        }
        Track track = target.get();
        tools.feedback(in.userId(), track.id(), liked);
        if (liked) {
            return say(in, "Noted — you like " + track.display() + ". I'll pick more like it.",
                    List.of("More like that", "Make a playlist from my likes"));
        }
        // offer a replacement straight away, so a dislike moves the conversation on
        List<RecommendedTrack> replacement = replacements(in, Set.copyOf(ctx.shownTrackIds()), 1);
        if (replacement.isEmpty()) {
            return say(in, "Got it — no more " + track.display() + ".", List.of());
        }
        RecommendedTrack r = replacement.getFirst();
        Map<String, String> reasons = new LinkedHashMap<>(ctx.reasons());
        reasons.put(r.track().id(), r.reason());
        return new PlannedReply("Got it — I'll steer away from " + track.display() + ". Try this instead:\n1. " + r.track().display(),
                List.of(new ShownTrack(r.track(), Optional.of(r.reason()))), Optional.empty(), List.of("I like it", "Another one"),
                new SessionContext(List.of(r.track().id()), reasons, ctx.lastRequest(), ctx.lastPlaylistId(), null));
    }

    /**
     * "I don't like Avicii": every song of theirs in the catalog is disliked, so no later pick brings one back, and the
     * picks of theirs on screen are replaced by someone else's. "I love Avicii" likes the picks of theirs on screen.
     */
    private PlannedReply artistFeedback(PlanningInput in, String artist, boolean liked) {
        SessionContext ctx = in.context();
        List<Track> shown = ctx.shownTrackIds().stream().flatMap(id -> tools.track(id).stream())
                .filter(t -> t.artists().stream().anyMatch(a -> a.equalsIgnoreCase(artist))).toList();
        String titles = String.join(", ", shown.stream().map(Track::title).toList());
        if (liked) {
            if (shown.isEmpty()) {
                return say(in, "Good to know you like " + artist + ". Want some music like theirs?", List.of("More like " + artist));
            }
            shown.forEach(t -> tools.feedback(in.userId(), t.id(), true));
            return say(in, "Noted — you like " + artist + " (" + titles + "). I'll pick more like them.",
                    List.of("More like " + artist, "Make a playlist from my likes"));
        }
        List<Track> theirs = tools.tracksByArtist(artist, MusicTools.MAX_SEARCH_RESULTS);
        theirs.forEach(t -> tools.feedback(in.userId(), t.id(), false));
        if (shown.isEmpty()) {
            return say(in, "Got it — I'll leave " + artist + " out of your picks.", List.of("Recommend something for me"));
        }
        Set<String> exclude = new HashSet<>(ctx.shownTrackIds());
        theirs.forEach(t -> exclude.add(t.id()));
        List<RecommendedTrack> replacements = replacements(in, exclude, shown.size());
        String noted = "Got it — no more " + artist + " (" + titles + ").";
        if (replacements.isEmpty()) {
            return say(in, noted, List.of());
        }
        List<Track> tracks = replacements.stream().map(RecommendedTrack::track).toList();
        Map<String, String> reasons = new LinkedHashMap<>();
        replacements.forEach(r -> reasons.put(r.track().id(), r.reason()));
        return new PlannedReply(noted + " Try " + (tracks.size() == 1 ? "this" : "these") + " instead:\n" + numbered(tracks),
                replacements.stream().map(r -> new ShownTrack(r.track(), Optional.of(r.reason()))).toList(), Optional.empty(),
                List.of("I like it", "Another one"), shownContext(ctx, tracks, reasons, ctx.request().orElse(null)));
    }

    /** {@code count} picks for what was asked before (or anything, if nothing was), leaving {@code exclude} out. */
    private List<RecommendedTrack> replacements(PlanningInput in, Set<String> exclude, int count) {
        StoredRequest again = in.context().request().orElse(StoredRequest.empty(count)).withCount(count);
        return tools.recommend(in.userId(), requests.toCatalog(again, in.understanding(), exclude));
    }

    private PlannedReply explain(PlanningInput in) {
        SessionContext ctx = in.context();
        if (ctx.shownTrackIds().isEmpty()) {
            return say(in, "I haven't recommended anything yet — ask me for some music and I'll tell you why I picked it.", List.of());
        }
        List<String> ids = target(in).map(t -> List.of(t.id())).orElse(ctx.shownTrackIds());
        StringBuilder text = new StringBuilder(ids.size() == 1 ? "Why I picked it:\n" : "Why I picked these:\n");
        for (String id : ids) {
            Optional<Track> track = tools.track(id);
            if (track.isEmpty()) continue;
            String reason = ctx.reasons().getOrDefault(id, "it matched what you searched for");
            text.append("• ").append(track.get().display()).append(": ").append(reason).append('\n');
        }
        return say(in, text.toString().strip(), List.of("Another one", "Make it a playlist"));
    }

    private PlannedReply stats(PlanningInput in) {
        List<Track> top = tools.myTopTracks(in.userId(), 10);
        if (top.isEmpty()) {
            return say(in, "I don't know your taste yet. Tell me which songs you like (\"I love the second one\") and I'll remember.",
                    List.of("Recommend something", "Play something by Dua Lipa"));
        }
        List<ShownTrack> shown = top.stream().map(t -> new ShownTrack(t, Optional.of("you liked it"))).toList();
        return new PlannedReply("Your favourites so far:\n" + numbered(top), shown, Optional.empty(),
                List.of("More like these", "Make a playlist of my favourites"),
                shownContext(in.context(), top, Map.of(), in.context().request().orElse(null)));
    }

    /** The track a feedback or explain message points at: by position, by title, or the only one shown. */
    private Optional<Track> target(PlanningInput in) {
        List<String> shown = in.context().shownTrackIds();
        Entities e = in.understanding().entities();
        OptionalInt ordinal = e.ordinal();
        if (ordinal.isPresent() && !shown.isEmpty()) {
            int n = ordinal.getAsInt();
            int index = n == -1 ? shown.size() - 1 : n == 0 ? (shown.size() == 1 ? 0 : -1) : n - 1;
            if (index >= 0 && index < shown.size()) return tools.track(shown.get(index));
        }
        for (String title : e.tracks()) {
            for (String id : shown) {
                Optional<Track> t = tools.track(id).filter(track -> track.title().equalsIgnoreCase(title));
                if (t.isPresent()) return t;
            }
        }
        return shown.size() == 1 ? tools.track(shown.getFirst()) : Optional.empty();
    }

    /** " — calm music for study", or " for you" when nothing in particular was asked ("recommend something"). */
    private static String aboutWhat(StoredRequest request) {
        return MusicRequests.hasCriteria(request) ? " — " + MusicRequests.describe(request) : " for you";
    }

    /** The name someone asked for ("like Beethoven") when nothing in it was recognised: to say so, not to guess. */
    private static Optional<String> unknownName(String text) {
        Matcher named = NAMED_AFTER.matcher(text.strip());
        if (!named.find() || POINTER.matcher(named.group(1)).matches()) {
            return Optional.empty();
        }
        return Optional.of(named.group(1).strip());
    }

    private static boolean mentionsLike(String text) {
        return text.toLowerCase().matches(".*\\b(like|similar)\\b.*");
    }

    private static boolean mentionsLikeThat(String text) {
        return text.toLowerCase().matches(".*\\b(like (that|this|these|those|them|it)|similar)\\b.*");
    }

    private static String defaultName(StoredRequest request) {
        String described = MusicRequests.describe(request);
        String base = described.equals("picks") ? "EchoTune Mix" : described + " mix";
        return Character.toUpperCase(base.charAt(0)) + base.substring(1);
    }

    private static SessionContext shownContext(SessionContext previous, List<Track> tracks, Map<String, String> reasons, StoredRequest request) {
        return new SessionContext(tracks.stream().map(Track::id).toList(), reasons, request, previous.lastPlaylistId(), null);
    }

    private static PlannedReply say(PlanningInput in, String text, List<String> suggestions) {
        return new PlannedReply(text, List.of(), Optional.empty(), suggestions, in.context());
    }

    static String numbered(List<Track> tracks) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < tracks.size(); i++) {
            sb.append(i + 1).append(". ").append(tracks.get(i).display()).append('\n');
        }
        return sb.toString().stripTrailing();
    }
}
