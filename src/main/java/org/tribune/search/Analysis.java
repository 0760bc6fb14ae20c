package org.tribune.search;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.CharArraySet;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.StopFilter;
import org.apache.lucene.analysis.TokenFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.WordlistLoader;
import org.apache.lucene.analysis.miscellaneous.ASCIIFoldingFilter;
import org.apache.lucene.analysis.snowball.SnowballFilter;
import org.apache.lucene.analysis.standard.StandardTokenizer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;
import org.apache.lucene.util.IOUtils;
import org.tartarus.snowball.SnowballStemmer;
import org.tartarus.snowball.ext.EnglishStemmer;
import org.tartarus.snowball.ext.FrenchStemmer;

/**
 * How text becomes searchable words, the same way PostgreSQL's {@code tribune_french} and {@code tribune_english}
 * configurations do it (V25_2), so that both engines find the same things: words split at apostrophes ("l'école" is
 * "l" and "école"), lower-cased, accents folded, the language's stop words dropped (Snowball's lists, PostgreSQL's
 * too), then stemmed by the language's Snowball stemmer. Used by the Lucene engine, by both engines to highlight
 * snippets, and to detect a text's language.
 */
final class Analysis {
    private static final CharArraySet FRENCH_STOPS = stops("french_stop.txt");
    private static final CharArraySet ENGLISH_STOPS = stops("english_stop.txt");
    static final Analyzer FRENCH = new Stemming(FRENCH_STOPS, FrenchStemmer::new);
    static final Analyzer ENGLISH = new Stemming(ENGLISH_STOPS, EnglishStemmer::new);

    /** How many words' stems each language remembers (about 2 MB). */
    static final int REMEMBERED_STEMS = 20_000;

    private Analysis() {
    }

    static Analyzer of(Language language) {
        return language == Language.FRENCH ? FRENCH : ENGLISH;
    }

    /** One analysed word and where it stands in the text. */
    record Token(String term, int start, int end) {
    }

    static List<Token> tokens(Analyzer analyzer, String text) {
        List<Token> found = new ArrayList<>();
        tokens(analyzer, text, token -> found.add(token));
        return found;
    }

    /** Hands each token of {@code text} to {@code next} in order, until it answers false. */
    static void tokens(Analyzer analyzer, String text, java.util.function.Predicate<Token> next) {
        try (TokenStream stream = analyzer.tokenStream("text", text)) {
            CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
            OffsetAttribute offset = stream.addAttribute(OffsetAttribute.class);
            stream.reset();
            while (stream.incrementToken()) {
                if (!next.test(new Token(term.toString(), offset.startOffset(), offset.endOffset()))) {
                    break;
                }
            }
            stream.end();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static List<String> terms(Language language, String text) {
        return tokens(of(language), text).stream().map(Token::term).toList();
    }

    /** Lower case without accents: "École" is "ecole", "Œuvre" is "oeuvre". */
    static String fold(String text) {
        if (isAscii(text)) {
            // most words of names and handles: nothing to fold, and no copy when nothing is upper case either
            return text.toLowerCase(Locale.ROOT);
        }
        String lower = text.toLowerCase(Locale.ROOT);
        char[] out = new char[lower.length() * 4];
        int length = ASCIIFoldingFilter.foldToASCII(lower.toCharArray(), 0, out, 0, lower.length());
        return new String(out, 0, length);
    }

    private static boolean isAscii(String text) {
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) >= 128) {
                return false;
            }
        }
        return true;
    }


    /** The folded words of a name or handle ("Jean-Édouard_Dupont" is "jean edouard dupont"), at most 1000 chars. */
    static String nameWords(String... parts) {
        String words = String.join(" ", Arrays.stream(parts).filter(p -> p != null)
                .flatMap(p -> Arrays.stream(fold(p).split("[^\\p{L}\\p{N}]+"))).filter(w -> !w.isEmpty()).toList());
        return words.length() <= 1000 ? words : words.substring(0, words.lastIndexOf(' ', 1000));
    }

    /**
     * The language of a text by its stop words: more French ones than English ones is French, and the reverse
     * English; a tie (or no stop word at all) is {@code fallback}, the author's or the group's language.
     */
    static Language detect(String text, Language fallback) {
        int french = 0;
        int english = 0;
        // Words are split at what is neither letter nor digit: "covid19" or "zq1l2d" is one word, not "l" and "d",
        // which would count as French elisions.
        for (String word : fold(text).split("[^\\p{L}\\p{N}]+")) {
            if (FRENCH_STOPS.contains(word)) {
                french++;
            }
            if (ENGLISH_STOPS.contains(word)) {
                english++;
            }
        }
        return french > english ? Language.FRENCH : english > french ? Language.ENGLISH : fallback;
    }

    private static CharArraySet stops(String file) {
        try (Reader reader = IOUtils.getDecodingReader(SnowballFilter.class.getResourceAsStream(file), java.nio.charset.StandardCharsets.UTF_8)) {
            CharArraySet words = WordlistLoader.getSnowballWordSet(reader);
            return CharArraySet.unmodifiableSet(words);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Apostrophes (straight and curly) read as spaces, one character for one, so offsets stay as they are: "l'école"
     * is two words. Lucene's mapping filter does the same through a buffer allocated at every use, and every
     * search and snippet analyses a few texts.
     */
    private static final class ApostrophesAsSpaces extends org.apache.lucene.analysis.CharFilter {
        ApostrophesAsSpaces(Reader in) {
            super(in);
        }

        @Override
        public int read(char[] buffer, int offset, int length) throws IOException {
            int read = input.read(buffer, offset, length);
            for (int i = offset; i < offset + read; i++) {
                if (buffer[i] == '\'' || buffer[i] == '\u2019') {
                    buffer[i] = ' ';
                }
            }
            return read;
        }

        @Override
        protected int correct(int offset) {
            return offset;
        }
    }

    /** Split, lower-case, fold, drop stop words, stem. */
    private static final class Stemming extends Analyzer {
        private final CharArraySet stops;
        private final Supplier<SnowballStemmer> stemmer;
        private final Map<String, String> stems = new ConcurrentHashMap<>();

        Stemming(CharArraySet stops, Supplier<SnowballStemmer> stemmer) {
            this.stops = stops;
            this.stemmer = stemmer;
        }

        @Override
        protected Reader initReader(String fieldName, Reader reader) {
            return new ApostrophesAsSpaces(reader);
        }

        @Override
        protected TokenStreamComponents createComponents(String fieldName) {
            StandardTokenizer source = new StandardTokenizer();
            TokenStream stream = new LowerCaseFilter(source);
            stream = new ASCIIFoldingFilter(stream);
            stream = new StopFilter(stream, stops);
            stream = new RememberedStems(stream, stemmer.get(), stems);
            return new TokenStreamComponents(source, stream);
        }
    }

    /**
     * Snowball's stemming, each word's stem remembered: a search analyses the texts of its twenty hits to highlight
     * them, and stemming was most of that. Words follow Zipf's law, so a bounded memory of them answers most; when
     * it is full it starts again, and the frequent words come back first.
     */
    private static final class RememberedStems extends TokenFilter {
        private final CharTermAttribute term = addAttribute(CharTermAttribute.class);
        private final SnowballStemmer stemmer;
        private final Map<String, String> stems;

        RememberedStems(TokenStream input, SnowballStemmer stemmer, Map<String, String> stems) {
            super(input);
            this.stemmer = stemmer;
            this.stems = stems;
        }

        @Override
        public boolean incrementToken() throws IOException {
            if (!input.incrementToken()) {
                return false;
            }
            String word = new String(term.buffer(), 0, term.length());
            String stem = stems.get(word);
            if (stem == null) {
                stemmer.setCurrent(term.buffer(), term.length());
                stemmer.stem();
                stem = new String(stemmer.getCurrentBuffer(), 0, stemmer.getCurrentBufferLength());
                if (stems.size() >= REMEMBERED_STEMS) {
                    stems.clear();
                }
                stems.put(word, stem);
            }
            term.setEmpty().append(stem);
            return true;
        }
    }
}
