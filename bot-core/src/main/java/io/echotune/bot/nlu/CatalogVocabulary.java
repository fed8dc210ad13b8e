package io.echotune.bot.nlu;

import java.util.Collection;
import java.util.List;

/** The names the NLU should recognise, in the catalog's canonical spelling. */
public record CatalogVocabulary(Collection<String> artists, Collection<String> trackTitles, Collection<String> genres) {

    public static final CatalogVocabulary EMPTY = new CatalogVocabulary(List.of(), List.of(), List.of());

    public CatalogVocabulary {
        artists = List.copyOf(artists);
        trackTitles = List.copyOf(trackTitles);
        genres = List.copyOf(genres);
    }
}
