package io.echotune.bot.nlu;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ConversationContextTest {

    private final Nlu nlu = TestNlu.get();
    private final NluContext afterRecommendations = NluContext.after(Intent.RECOMMEND, 5);
    private final NluContext afterPlaylist = NluContext.after(Intent.BUILD_PLAYLIST, 15);

    @Test
    void aBareOrdinalAfterTracksIsFeedbackOnThatTrack() {
        Understanding u = nlu.understand("the second one", afterRecommendations);
        assertThat(u.intent()).isIn(Intent.FEEDBACK_POSITIVE, Intent.FEEDBACK_NEGATIVE);
        assertThat(u.entities().ordinal()).hasValue(2);
    }

    @Test
    void moreLikeAShownTrackIsARequestNotPraise() {
        for (String text : new String[] {"more like the second one", "something similar to the last one",
                "play songs like number 3"}) {
            Understanding u = nlu.understand(text, afterRecommendations);
            assertThat(u.intent()).as(text).isEqualTo(Intent.RECOMMEND);
            assertThat(u.entities().ordinal()).as(text).isPresent();
        }
        assertThat(nlu.understand("I like the second one", afterRecommendations).intent()).isEqualTo(Intent.FEEDBACK_POSITIVE);
    }

    @Test
    void askingForThePicksInAnotherMoodIsANewRequest() {
        for (String text : new String[] {"make it more upbeat", "can you make them more energetic",
                "make these a bit calmer", "make it more chill", "make them less sad", "can you make it a bit less calm"}) {
            Understanding u = nlu.understand(text, afterRecommendations);
            assertThat(u.intent()).as(text).isEqualTo(Intent.RECOMMEND);
            assertThat(u.entities().moods()).as(text).isNotEmpty();
        }
        // with no earlier turn in the context, tracks on screen are enough (the context of a restored session)
        assertThat(nlu.understand("make it more upbeat", new NluContext(java.util.Optional.empty(), 5)).intent())
                .isEqualTo(Intent.RECOMMEND);
        // after a playlist, "make it 20" still edits the playlist
        assertThat(nlu.understand("make it 20", afterPlaylist).intent()).isEqualTo(Intent.BUILD_PLAYLIST);
    }

    @Test
    void aVerdictOnAnArtistAfterTracksIsFeedback() {
        assertThat(nlu.understand("I don't like Daft Punk", afterRecommendations).intent()).isEqualTo(Intent.FEEDBACK_NEGATIVE);
        assertThat(nlu.understand("not a fan of the weeknd", afterRecommendations).intent()).isEqualTo(Intent.FEEDBACK_NEGATIVE);
        assertThat(nlu.understand("I love Queen", afterRecommendations).intent()).isEqualTo(Intent.FEEDBACK_POSITIVE);
        assertThat(nlu.understand("I'd like something by Queen", afterRecommendations).intent()).isNotIn(
                Intent.FEEDBACK_POSITIVE, Intent.FEEDBACK_NEGATIVE);
    }

    @Test
    void aMoodOrActivitySaidOfOneselfIsAMusicRequest() {
        for (String text : new String[] {"I want to relax", "feeling sad today", "I need to focus"}) {
            assertThat(nlu.understand(text, NluContext.EMPTY).intent()).as(text).isEqualTo(Intent.RECOMMEND);
        }
        for (String text : new String[] {"how do I cook risotto", "tell me a fun fact", "can you write my homework"}) {
            assertThat(nlu.understand(text, NluContext.EMPTY).intent()).as(text).isEqualTo(Intent.OUT_OF_SCOPE);
        }
    }

    @Test
    void aReactionAfterTracksIsFeedbackWithItsPolarity() {
        Understanding love = nlu.understand("I love it", afterRecommendations);
        assertThat(love.intent()).isEqualTo(Intent.FEEDBACK_POSITIVE);
        assertThat(love.entities().ordinal()).hasValue(0);

        Understanding hate = nlu.understand("the last one is awful", afterRecommendations);
        assertThat(hate.intent()).isEqualTo(Intent.FEEDBACK_NEGATIVE);
        assertThat(hate.entities().ordinal()).hasValue(-1);
    }

    @Test
    void aCountAfterAPlaylistResizesIt() {
        Understanding u = nlu.understand("make it 20", afterPlaylist);
        assertThat(u.intent()).isEqualTo(Intent.BUILD_PLAYLIST);
        assertThat(u.entities().count()).hasValue(20);
        assertThat(u.entities().refersToPrevious()).isTrue();
    }

    @Test
    void aNameAfterAPlaylistRenamesIt() {
        Understanding u = nlu.understand("call it Late Night Drive", afterPlaylist);
        assertThat(u.intent()).isEqualTo(Intent.BUILD_PLAYLIST);
        assertThat(u.entities().playlistName()).contains("Late Night Drive");
    }

    @Test
    void aNewRequestAfterTracksStaysARequest() {
        assertThat(nlu.understand("play something by Coldplay", afterRecommendations).intent())
                .isEqualTo(Intent.SEARCH);
        assertThat(nlu.understand("save it to spotify", afterPlaylist).intent()).isEqualTo(Intent.SAVE_PLAYLIST);
        assertThat(nlu.understand("why did you pick the third one?", afterRecommendations).intent())
                .isEqualTo(Intent.EXPLAIN);
    }

    @Test
    void moreOfTheSameRefersToWhatWasShown() {
        Understanding u = nlu.understand("more like that", afterRecommendations);
        assertThat(u.intent()).isEqualTo(Intent.RECOMMEND);
        assertThat(u.entities().refersToPrevious()).isTrue();
        assertThat(nlu.understand("make that a playlist", afterRecommendations).intent())
                .isEqualTo(Intent.BUILD_PLAYLIST);
    }
}
