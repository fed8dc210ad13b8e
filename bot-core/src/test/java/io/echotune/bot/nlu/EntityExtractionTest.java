package io.echotune.bot.nlu;

import static org.assertj.core.api.Assertions.assertThat;

import io.echotune.music.mood.Activity;
import io.echotune.music.mood.Mood;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class EntityExtractionTest {

    private final Nlu nlu = TestNlu.get();

    private Entities entities(String text) {
        return nlu.understand(text, NluContext.EMPTY).entities();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            play something by Daft Punk                 | Daft Punk
            more like daft punk                         | Daft Punk
            anything by radiohed?                       | Radiohead
            blinding lights by the weekend              | The Weeknd
            play the weekend                            | The Weeknd
            I want to hear Beyonce                      | Beyoncé
            put on some ed sheran                       | Ed Sheeran
            songs by Queen please                       | Queen
            play happy by pharrell                      | Pharrell Williams
            something like Bob Marley                   | Bob Marley & The Wailers
            play nick cave                              | Nick Cave & The Bad Seeds
            songs like Selena Gomez                     | Selena Gomez
            """)
    void findsArtistsInTheCatalogSpelling(String text, String artist) {
        assertThat(entities(text).artists()).as(text).containsExactly(artist);
    }

    @Test
    void findsSeveralArtistsInOrder() {
        assertThat(entities("mix Coldplay, imagine dragons and Dua Lipa").artists())
                .containsExactly("Coldplay", "Imagine Dragons", "Dua Lipa");
    }

    @Test
    void findsTracks() {
        assertThat(entities("play Blinding Lights").tracks()).containsExactly("Blinding Lights");
        assertThat(entities("can you find shape of you").tracks()).containsExactly("Shape of You");
        Entities hello = entities("play Hello by Adele");
        assertThat(hello.tracks()).containsExactly("Hello");
        assertThat(hello.artists()).containsExactly("Adele");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            yes please, more of that
            I love it
            it's a happy day and I feel good
            I live for this kind of music
            keep it low key tonight
            music for the weekend
            I love the second one
            """)
    void everydayWordsAreNotNames(String text) {
        Entities e = entities(text);
        assertThat(e.artists()).as(text).isEmpty();
        assertThat(e.tracks()).as(text).isEmpty();
    }

    @Test
    void everydayNamesAreFoundWithACue() {
        assertThat(entities("play some songs by Yes").artists()).containsExactly("Yes");
        assertThat(entities("something like Low").artists()).containsExactly("Low");
        assertThat(entities("play \"I Love It\"").tracks()).containsExactly("I Love It");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            some hip-hop please              | hip hop
            play rnb                         | r&b
            80s rock                         | rock
            lofi beats to study to           | lo-fi
            any good kpop?                   | k-pop
            something jazzy                  | jazz
            a bit of tropical house          | tropical
            play some electro house          | electro house
            I like neo soul                  | neo soul
            recommend some tecnho            | techno
            """)
    void findsGenres(String text, String genre) {
        assertThat(entities(text).genres()).as(text).contains(genre);
    }

    @Test
    void aGenreInsideAnArtistNameIsNotAGenre() {
        assertThat(entities("more like Daft Punk").genres()).isEmpty();
    }

    @Test
    void findsMoodsAndActivities() {
        Entities e = entities("something calm and mellow to study to");
        assertThat(e.moods()).containsExactly(Mood.CALM, Mood.CHILL);
        assertThat(e.activities()).containsExactly(Activity.STUDY);
        assertThat(entities("pumped up tracks for the gym").activities()).containsExactly(Activity.WORKOUT);
        assertThat(entities("I'm heartbroken").moods()).containsExactly(Mood.SAD);
        assertThat(entities("songs for my morning jog").activities()).containsExactly(Activity.RUNNING);
        assertThat(entities("music for a road trip").activities()).containsExactly(Activity.DRIVING);
        assertThat(entities("I'm sleepy").activities()).containsExactly(Activity.SLEEP);
        assertThat(entities("hype songs for the party").moods()).containsExactly(Mood.ENERGETIC);
    }

    @Test
    void aNegatedMoodIsNotAsked() {
        assertThat(entities("something upbeat, nothing too sad").moods()).containsExactly(Mood.ENERGETIC);
        assertThat(entities("anything but sad songs").moods()).isEmpty();
        assertThat(entities("play anything but rock").genres()).isEmpty();
    }

    @Test
    void lessOfAMoodAsksForItsOppositeWhereThereIsOne() {
        assertThat(entities("something less sad").moods()).containsExactly(Mood.HAPPY);
        assertThat(entities("make it a bit less calm").moods()).containsExactly(Mood.ENERGETIC);
        assertThat(entities("less romantic please").moods()).isEmpty();
        assertThat(entities("something not sad").moods()).isEmpty();
    }

    @Test
    void butBeforeAMoodAsksForIt() {
        Entities e = entities("like Daft Punk but calmer");
        assertThat(e.artists()).containsExactly("Daft Punk");
        assertThat(e.moods()).containsExactly(Mood.CALM);
        assertThat(entities("songs like that but happier").moods()).containsExactly(Mood.HAPPY);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            a playlist of 20 songs                 | 20
            twenty tracks for running              | 20
            give me twenty five songs              | 25
            a dozen chill songs                    | 12
            make it 30                             | 30
            top 10 rock songs                      | 10
            build a 15-song mix                    | 15
            """)
    void findsCounts(String text, int count) {
        assertThat(entities(text).count()).as(text).hasValue(count);
    }

    @Test
    void yearsDecadesAndOrdinalsAreNotCounts() {
        assertThat(entities("80s rock").count()).isEmpty();
        assertThat(entities("songs from 1999").count()).isEmpty();
        assertThat(entities("I love the second one").count()).isEmpty();
        assertThat(entities("another one").count()).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            80s rock                         | 1980 | 1989
            some music from the 90's         | 1990 | 1999
            early 2000s pop                  | 2000 | 2004
            late seventies disco             | 1975 | 1979
            nineties hip hop                 | 1990 | 1999
            old school hip hop               | 1970 | 1999
            songs released in 1997           | 1997 | 1997
            hits from 2010 to 2015           | 2010 | 2015
            """)
    void findsEras(String text, int from, int to) {
        assertThat(entities(text).era()).as(text).contains(new Era(from, to));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            make a playlist of 20 upbeat songs called Run Club       | Run Club
            create a playlist named Sunday Brunch with jazz          | Sunday Brunch
            new playlist "Rainy Days" please                         | Rainy Days
            save my Gym Rats playlist                                | Gym Rats
            call it Late Night Drive                                 | Late Night Drive
            build a mix titled Focus Mode, 15 songs                  | Focus Mode
            """)
    void findsPlaylistNames(String text, String name) {
        Entities e = entities(text);
        assertThat(e.playlistName()).as(text).contains(name);
        assertThat(e.artists()).as("a playlist name is not an artist").isEmpty();
    }

    @Test
    void findsOrdinals() {
        assertThat(entities("I love the second one").ordinal()).hasValue(2);
        assertThat(entities("skip the 3rd track").ordinal()).hasValue(3);
        assertThat(entities("number 4 is great").ordinal()).hasValue(4);
        assertThat(entities("the last one was awful").ordinal()).hasValue(-1);
        assertThat(entities("I listened to it last night").ordinal()).isEmpty();
        assertThat(entities("wait a second").ordinal()).isEmpty();
    }

    @Test
    void notesReferencesToWhatCameBefore() {
        assertThat(entities("another one").refersToPrevious()).isTrue();
        assertThat(entities("more like that").refersToPrevious()).isTrue();
        assertThat(entities("make that a playlist").refersToPrevious()).isTrue();
        assertThat(entities("play some jazz").refersToPrevious()).isFalse();
    }

    @Test
    void understandsTextEmojiAndEmptyMessages() {
        assertThat(nlu.understand("   ", NluContext.EMPTY).intent()).isEqualTo(Intent.OUT_OF_SCOPE);
        assertThat(nlu.understand(null, NluContext.EMPTY).entities()).isEqualTo(Entities.NONE);
        assertThat(entities("🔥🔥 more like this 🔥").refersToPrevious()).isTrue();
    }
}
