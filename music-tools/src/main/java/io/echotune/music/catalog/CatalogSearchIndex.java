package io.echotune.music.catalog;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.core.LowerCaseFilterFactory;
import org.apache.lucene.analysis.custom.CustomAnalyzer;
import org.apache.lucene.analysis.miscellaneous.ASCIIFoldingFilterFactory;
import org.apache.lucene.analysis.standard.StandardTokenizerFactory;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.FuzzyQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.PhraseQuery;
import org.apache.lucene.search.PrefixQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.store.Directory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * Full-text search over the catalog with Lucene: artist, title, album and genre, typo-tolerant
 * (fuzzy terms, prefix on the last word), ranked by relevance with a mild popularity boost so that
 * among equally good matches the better-known track comes first.
 */
final class CatalogSearchIndex {

    private static final Map<String, Float> FIELD_BOOSTS = Map.of("artist", 3.0f, "title", 3.0f, "album", 1.0f, "genre", 1.5f);
    /** How much popularity (0–100) may lift a score: at most +30 % for the most popular track. */
    private static final double POPULARITY_WEIGHT = 0.3;

    private final Analyzer analyzer;
    private final IndexSearcher searcher;

    CatalogSearchIndex(Collection<Track> tracks) {
        try {
            analyzer = CustomAnalyzer.builder()
                    .withTokenizer(StandardTokenizerFactory.NAME)
                    .addTokenFilter(LowerCaseFilterFactory.NAME)
                    .addTokenFilter(ASCIIFoldingFilterFactory.NAME)
                    .build();
            Directory directory = new ByteBuffersDirectory();
            try (IndexWriter writer = new IndexWriter(directory, new IndexWriterConfig(analyzer))) {
                for (Track track : tracks) {
                    writer.addDocument(document(track));
                }
            }
            searcher = new IndexSearcher(DirectoryReader.open(directory));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot build the catalog search index", e);
        }
    }

    private static Document document(Track track) {
        Document doc = new Document();
        doc.add(new StringField("id", track.id(), Field.Store.YES));
        doc.add(new TextField("title", track.title(), Field.Store.NO));
        doc.add(new TextField("artist", track.artistLine(), Field.Store.NO));
        doc.add(new TextField("album", track.album(), Field.Store.NO));
        doc.add(new TextField("genre", String.join(" ", track.genres()), Field.Store.NO));
        doc.add(new StoredField("popularity", track.popularity()));
        return doc;
    }

    /** Track ids best matching {@code text}, best first; empty when nothing matches. */
    List<String> search(String text, int limit) {
        List<String> terms = analyze(text);
        if (terms.isEmpty() || limit <= 0) {
            return List.of();
        }
        try {
            // fetch a few more than asked, then let popularity reorder near-equal matches
            ScoreDoc[] hits = searcher.search(matchQuery(terms), limit * 3).scoreDocs;
            List<Hit> ranked = new ArrayList<>(hits.length);
            for (ScoreDoc hit : hits) {
                Document doc = searcher.storedFields().document(hit.doc);
                int popularity = doc.getField("popularity").numericValue().intValue();
                ranked.add(new Hit(doc.get("id"), hit.score * (1 + POPULARITY_WEIGHT * popularity / 100.0)));
            }
            ranked.sort(Comparator.comparingDouble(Hit::score).reversed());
            return ranked.stream().limit(limit).map(Hit::id).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private record Hit(String id, double score) {
    }

    private Query matchQuery(List<String> terms) {
        BooleanQuery.Builder all = new BooleanQuery.Builder();
        for (int i = 0; i < terms.size(); i++) {
            boolean last = i == terms.size() - 1;
            all.add(termQuery(terms.get(i), last), Occur.SHOULD);
        }
        // most words must match somewhere, so "daft punk one more time" does not return every "one"
        all.setMinimumNumberShouldMatch(terms.size() <= 2 ? terms.size() : (int) Math.ceil(terms.size() * 0.6));
        BooleanQuery.Builder outer = new BooleanQuery.Builder().add(all.build(), Occur.MUST);
        if (terms.size() > 1) {
            for (String field : List.of("title", "artist")) {
                outer.add(new BoostQuery(new PhraseQuery(2, field, terms.toArray(String[]::new)), 2.0f), Occur.SHOULD);
            }
        }
        return outer.build();
    }

    private static Query termQuery(String term, boolean last) {
        BooleanQuery.Builder anyField = new BooleanQuery.Builder();
        int maxEdits = term.length() >= 8 ? 2 : term.length() >= 4 ? 1 : 0;
        for (var field : FIELD_BOOSTS.entrySet()) {
            Term t = new Term(field.getKey(), term);
            float boost = field.getValue();
            anyField.add(new BoostQuery(new TermQuery(t), boost), Occur.SHOULD);
            if (maxEdits > 0) {
                anyField.add(new BoostQuery(new FuzzyQuery(t, maxEdits, 1), boost * 0.6f), Occur.SHOULD);
            }
            if (last && term.length() >= 3) {
                anyField.add(new BoostQuery(new PrefixQuery(t), boost * 0.5f), Occur.SHOULD);
            }
        }
        return anyField.build();
    }

    private List<String> analyze(String text) {
        List<String> terms = new ArrayList<>();
        try (TokenStream stream = analyzer.tokenStream("title", text)) {
            CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
            stream.reset();
            while (stream.incrementToken() && terms.size() < 16) {
                terms.add(term.toString());
            }
            stream.end();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return terms;
    }
}
