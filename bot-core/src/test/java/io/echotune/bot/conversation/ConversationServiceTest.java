package io.echotune.bot.conversation;

import io.echotune.bot.BotTestApplication;
import io.echotune.bot.conversation.ChatReply.ShownTrack;
import io.echotune.bot.sessions.ChatSession;
import io.echotune.bot.sessions.ChatSessions;
import io.echotune.music.catalog.AudioFeatures;
import io.echotune.music.catalog.Track;
import io.echotune.music.history.FeedbackKind;
import io.echotune.music.history.ListeningHistory;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The conversation engine end to end: real NLU, RulePlanner, music tools and the real MongoDB driver. */
@SpringBootTest(classes = BotTestApplication.class)
class ConversationServiceTest {

    @Autowired
    ConversationService conversations;
    @Autowired
    ListeningHistory history;
    @Autowired
    ChatSessions sessions;

    private final String user = "tester-" + UUID.randomUUID();

    private ChatReply say(ChatReply previous, String text) {
        return conversations.handle(new ChatTurn("test", Optional.of(user), Optional.ofNullable(previous).map(ChatReply::sessionId), text));
    }

    private static double meanEnergy(List<ShownTrack> tracks) {
        return tracks.stream().map(t -> t.track().features().orElseThrow()).mapToDouble(AudioFeatures::energy).average().orElseThrow();
    }

    private static double meanValence(List<ShownTrack> tracks) {
        return tracks.stream().map(t -> t.track().features().orElseThrow()).mapToDouble(AudioFeatures::valence).average().orElseThrow();
    }

    @Test
    void greetsAndExplainsWhatItCanDo() {
        assertThat(say(null, "hello!").intent()).isEqualTo("greet");
        ChatReply help = say(null, "what can you do?");
        assertThat(help.intent()).isEqualTo("help");
        assertThat(help.text()).contains("playlist").contains("recommend");
    }

    @Test
    void aNewConversationIsStoredWithItsFirstTurnAndEveryLaterTurnIsAppended() {
        ChatReply first = say(null, "hello!");
        ChatSession stored = conversations.session(first.sessionId()).orElseThrow();
        assertThat(stored.channel()).isEqualTo("test");
        assertThat(stored.createdAt()).isNotNull().isBeforeOrEqualTo(stored.updatedAt());
        assertThat(stored.turns()).extracting(t -> t.userText()).containsExactly("hello!");
        String owner = stored.userId();

        say(first, "something calm to study to");
        ChatSession later = conversations.session(first.sessionId()).orElseThrow();
        assertThat(later.userId()).isEqualTo(owner);
        assertThat(later.createdAt()).isEqualTo(stored.createdAt());
        assertThat(later.updatedAt()).isAfterOrEqualTo(stored.updatedAt());
        assertThat(later.turns()).extracting(t -> t.userText()).containsExactly("hello!", "something calm to study to");

        // what the next turn reads: everything but the turns, so a long conversation costs no more per turn
        ChatSession header = sessions.findWithoutTurns(first.sessionId()).orElseThrow();
        assertThat(header.turns()).isEmpty();
        assertThat(header.userId()).isEqualTo(owner);
        assertThat(header.channel()).isEqualTo("test");
        assertThat(header.context()).isEqualTo(later.context());
        assertThat(header.context().shownTrackIds()).isNotEmpty();
        assertThat(conversations.channelOf(first.sessionId())).contains("test");
        assertThat(conversations.channelOf("no-such-session")).isEmpty();
    }

    @Test
    void askingForTheSamePicksInAnotherMoodKeepsWhatElseWasAskedFor() {
        ChatReply rock = say(null, "some classic rock");
        ChatReply upbeat = say(rock, "make it more upbeat");
        assertThat(upbeat.intent()).isEqualTo("recommend");
        assertThat(upbeat.tracks()).hasSize(5).allSatisfy(t -> assertThat(t.track().genres()).anyMatch(g -> g.contains("rock")));
        assertThat(meanEnergy(upbeat.tracks())).isGreaterThan(meanEnergy(rock.tracks()));
        assertThat(upbeat.tracks()).extracting(t -> t.track().id())
                .doesNotContainAnyElementsOf(rock.tracks().stream().map(t -> t.track().id()).toList());

        // the same after a playlist: a new playlist in the new mood, not the old tracks under a new name
        ChatReply playlist = say(null, "make a 10-song classic rock playlist");
        ChatReply livelier = say(playlist, "make it more upbeat");
        assertThat(livelier.intent()).isEqualTo("build_playlist");
        List<ShownTrack> before = playlist.tracks();
        List<ShownTrack> after = livelier.tracks();
        assertThat(after).hasSize(10).allSatisfy(t -> assertThat(t.track().genres()).anyMatch(g -> g.contains("rock")));
        assertThat(meanEnergy(after)).isGreaterThan(meanEnergy(before));
        assertThat(after.getFirst().track().id()).isNotEqualTo(before.getFirst().track().id());

        // a new request without such a word replaces the old one
        ChatReply chill = say(upbeat, "something chill");
        assertThat(chill.tracks()).anyMatch(t -> t.track().genres().stream().noneMatch(g -> g.contains("rock")));
    }

    @Test
    void lessOfAMoodAsksForItsOpposite() {
        ChatReply sad = say(null, "something sad");
        ChatReply lessSad = say(sad, "make them less sad");
        assertThat(lessSad.intent()).isEqualTo("recommend");
        assertThat(lessSad.text()).contains("happy").doesNotContain("sad");
        assertThat(meanValence(lessSad.tracks())).isGreaterThan(meanValence(sad.tracks()) + 0.3);

        ChatReply lessCalm = say(null, "something less calm");
        assertThat(lessCalm.text()).contains("energetic");
        assertThat(meanEnergy(lessCalm.tracks())).isGreaterThan(meanEnergy(say(null, "something calm").tracks()) + 0.3);
        // "less" before a word that is no mood changes nothing
        assertThat(say(null, "something calm, less than 4 minutes").text()).contains("calm");
    }

    @Test
    void moodAndActivityRequestsMoveTheAudioFeatures() {
        ChatReply calm = say(null, "something calm to study to");
        ChatReply workout = say(null, "upbeat workout music");
        assertThat(calm.tracks()).hasSize(5);
        assertThat(meanEnergy(calm.tracks())).isLessThan(meanEnergy(workout.tracks()) - 0.3);
    }

    @Test
    void aSadMessageWithoutAMoodGetsGentlerMusicAndAKindTone() {
        ChatReply sad = say(null, "I had an awful day and I feel terrible, recommend me some music");
        assertThat(sad.intent()).isEqualTo("recommend");
        assertThat(sad.sentiment().polarity().name()).isEqualTo("NEGATIVE");
        assertThat(sad.text()).startsWith("Sorry");
        ChatReply neutral = say(null, "recommend me some music");
        assertThat(meanEnergy(sad.tracks())).isLessThan(meanEnergy(neutral.tracks()));
    }

    @Test
    void anotherOneContinuesTheSameRequestWithNewTracks() {
        ChatReply first = say(null, "recommend some hip hop");
        ChatReply more = say(first, "another one");
        assertThat(more.sessionId()).isEqualTo(first.sessionId());
        assertThat(more.intent()).isEqualTo("recommend");
        assertThat(more.tracks()).isNotEmpty().allMatch(t -> t.track().genres().stream().anyMatch(g -> g.contains("hip hop")));
        assertThat(more.tracks()).extracting(t -> t.track().id())
                .doesNotContainAnyElementsOf(first.tracks().stream().map(t -> t.track().id()).toList());
    }

    @Test
    void buildsANamedPlaylistOfTheRequestedSize() {
        ChatReply reply = say(null, "make a playlist of 20 upbeat songs called Run Club");
        assertThat(reply.intent()).isEqualTo("build_playlist");
        assertThat(reply.playlist()).isPresent();
        assertThat(reply.playlist().get().playlist().name()).isEqualTo("Run Club");
        assertThat(reply.playlist().get().tracks()).hasSize(20);
    }

    @Test
    void feedbackOnAShownTrackIsRecordedAndADislikeBringsAReplacement() {
        ChatReply picks = say(null, "more like Daft Punk");
        String second = picks.tracks().get(1).track().id();
        ChatReply love = say(picks, "I love the second one");
        assertThat(love.intent()).isEqualTo("feedback_positive");
        assertThat(history.taste(userIdOf(love)).liked()).contains(second);

        String third = picks.tracks().get(2).track().id();
        ChatReply hate = say(love, "I don't like the third one");
        assertThat(hate.intent()).isEqualTo("feedback_negative");
        assertThat(history.taste(userIdOf(hate)).disliked()).contains(third);
        assertThat(hate.tracks()).hasSize(1);
        assertThat(hate.tracks().getFirst().track().id()).isNotEqualTo(third);
        assertThat(history.recent(userIdOf(hate), 10)).extracting(e -> e.kind()).contains(FeedbackKind.LIKE, FeedbackKind.DISLIKE);
    }

    @Test
    void moreLikeOneOfThePicksTakesThatTrackAsTheSeed() {
        ChatReply picks = say(null, "songs like Metallica");
        String firstArtist = picks.tracks().getFirst().track().artistLine();
        int n = 1;
        while (List.of(firstArtist, "Metallica").contains(picks.tracks().get(n).track().artistLine())) n++;
        Track second = picks.tracks().get(n).track(); // the first pick by an artist neither first nor asked for
        ChatReply more = say(picks, "more like the " + List.of("first", "second", "third", "fourth", "fifth").get(n) + " one");
        assertThat(more.intent()).isEqualTo("recommend");
        assertThat(more.tracks()).isNotEmpty().extracting(t -> t.track().id())
                .doesNotContainAnyElementsOf(picks.tracks().stream().map(t -> t.track().id()).toList());
        // the seed is that pick alone: not every pick shown, nor the artist asked for before
        assertThat(more.tracks().getFirst().reason()).hasValueSatisfying(r -> assertThat(r).contains(second.artistLine())
                .doesNotContain(firstArtist).doesNotContain("Metallica"));
        assertThat(more.text()).doesNotContain("like Metallica");
        assertThat(history.recent(userIdOf(more), 10)).isEmpty(); // asking for more is not a like
    }

    @Test
    void dislikingAnArtistOfThePicksDislikesTheirTracksAndReplacesThemWithOthers() {
        ChatReply picks = say(null, "songs like Metallica");
        String artist = picks.tracks().get(1).track().artistLine();
        List<String> theirs = picks.tracks().stream().map(ShownTrack::track).filter(t -> t.artistLine().equals(artist))
                .map(Track::id).toList();

        ChatReply dislike = say(picks, "I don't like " + artist);
        assertThat(dislike.intent()).isEqualTo("feedback_negative");
        // every song of theirs, the ones shown among them, so no later pick brings one back
        assertThat(history.recent(userIdOf(dislike), 100)).filteredOn(e -> e.kind() == FeedbackKind.DISLIKE)
                .extracting(e -> e.trackId()).containsAll(theirs).hasSizeGreaterThan(theirs.size());
        assertThat(dislike.tracks()).hasSize(theirs.size()).allSatisfy(t -> {
            assertThat(t.track().artistLine()).isNotEqualTo(artist);
            assertThat(picks.tracks()).extracting(p -> p.track().id()).doesNotContain(t.track().id());
        });
    }

    @Test
    void anArtistDislikedBeforeTheirSongsAreShownStaysOutOfLaterPicks() {
        ChatReply picks = say(null, "songs like Metallica");
        assertThat(picks.tracks()).noneMatch(t -> t.track().artistLine().equals("Daft Punk"));
        ChatReply dislike = say(picks, "I don't like Daft Punk");
        assertThat(dislike.intent()).isEqualTo("feedback_negative");
        assertThat(dislike.text()).contains("leave Daft Punk out");

        ChatReply later = say(dislike, "more like Daft Punk");
        assertThat(later.tracks()).isNotEmpty().noneMatch(t -> t.track().artistLine().equals("Daft Punk"));
    }

    @Test
    void aPlaylistFromThePicksKeepsEachArtistToAFew() {
        ChatReply picks = say(null, "something upbeat for a run, like Daft Punk");
        ChatReply playlist = say(picks, "make it a playlist of 15");
        assertThat(playlist.intent()).isEqualTo("build_playlist");
        List<Track> tracks = playlist.playlist().orElseThrow().tracks();
        assertThat(tracks).hasSize(15);
        assertThat(tracks.stream().collect(java.util.stream.Collectors.groupingBy(Track::artistLine, java.util.stream.Collectors.counting())))
                .allSatisfy((artist, n) -> assertThat(n).as(artist).isLessThanOrEqualTo(2));
    }

    @Test
    void anArtistTheCatalogDoesNotKnowIsSaidSoRatherThanGuessed() {
        ChatReply beethoven = say(null, "music like Beethoven please");
        assertThat(beethoven.intent()).isEqualTo("recommend");
        assertThat(beethoven.text()).startsWith("I don't know Beethoven —");
        assertThat(beethoven.tracks()).isNotEmpty();
        // a pointer at what was shown is not a name
        assertThat(say(beethoven, "more like that").text()).doesNotContain("I don't know");
        ChatReply anything = say(null, "recommend something I would like to hear");
        assertThat(anything.text()).doesNotContain("I don't know").startsWith("Here are 5 picks for you:");
    }

    @Test
    void thanksAndGoodbyeAreAnsweredInKind() {
        assertThat(say(null, "thanks!").text()).startsWith("You're welcome!");
        assertThat(say(null, "bye").text()).startsWith("Bye").doesNotContain("could be better");
        assertThat(say(null, "hello!").text()).startsWith("Hi! I'm EchoTune.");
    }

    @Test
    void explainsWhyTracksWerePicked() {
        ChatReply picks = say(null, "chill music for studying");
        ChatReply why = say(picks, "why did you pick the first one?");
        assertThat(why.intent()).isEqualTo("explain");
        assertThat(why.text()).contains(picks.tracks().getFirst().track().title());
    }

    @Test
    void storesEveryTurnAndRefusesSomeoneElsesSession() {
        ChatReply first = say(null, "play something by Radiohead");
        say(first, "more like that");
        ChatSession stored = conversations.session(first.sessionId()).orElseThrow();
        assertThat(stored.turns()).hasSize(2);
        assertThat(stored.turns().getFirst().trackIds()).isNotEmpty();

        ChatTurn intruder = new ChatTurn("test", Optional.of("someone-else"), Optional.of(first.sessionId()), "hi");
        assertThatThrownBy(() -> conversations.handle(intruder)).isInstanceOf(SessionNotFoundException.class);
    }

    @Test
    void rejectsEmptyAndOversizedMessages() {
        assertThatThrownBy(() -> say(null, "   ")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> say(null, "x".repeat(ChatTurn.MAX_TEXT_LENGTH + 1))).isInstanceOf(IllegalArgumentException.class);
    }

    private String userIdOf(ChatReply reply) {
        return conversations.session(reply.sessionId()).orElseThrow().userId();
    }
}
