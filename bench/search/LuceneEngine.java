package org.tribune.search;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * The Lucene engine (the embedded H2 default) alone, on documents shaped like the medium seed's (bench/search/lucene.sh
 * compiles and runs it against the built classes): POSTS posts and twice as many comments of random words of the
 * seed's vocabulary over 90 days, indexed by {@link LuceneSearch} itself in a temporary directory, then the
 * queries of bench/search/SearchLoad.java (one word, two words, a phrase in quotes) through
 * {@link LuceneSearch#find}, by relevance among the newest 1,000 matches, 20 a page, as SearchService asks. Prints
 * the index build time and p50/p95/p99 per kind of query, first from one thread, then from 8 at once.
 * <p>
 * Only the engine: the hits' checks and snippets after it are the same code on both engines.
 */
public class LuceneEngine {
    /** The seed's vocabulary (org.tribune.seed.Community), stop words included, so that frequencies match. */
    static final String[] WORDS = ("the a of to and in is it that for on with as was at by this be from "
            + "we garden city river music bike train open source code school market bread coffee rain winter summer "
            + "library museum park night morning street history photo film book team match goal election vote council "
            + "budget bridge harbour mountain forest trail recipe soup cheese wine festival concert choir jazz piano "
            + "guitar poem story news question answer idea plan meeting project repair tool kitchen neighbour friend "
            + "family child teacher doctor nurse market price rent house flat tram bus ferry airport sea beach island")
            .split(" ");
    static final String[] QUERY_WORDS = {"garden", "city", "river", "music", "school", "market", "coffee", "winter",
            "library", "history", "film", "book", "election", "council", "forest", "festival", "concert", "kitchen",
            "family", "beach"};
    static final String[] PHRASES = {"city river", "music school", "garden market", "winter festival"};
    static final String[] LABELS = {"word", "two words", "phrase"};

    public static void main(String[] args) throws Exception {
        int posts = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
        int queries = args.length > 1 ? Integer.parseInt(args[1]) : 300;
        Path dir = Files.createTempDirectory("tribune-lucene-bench");
        SearchDocuments none = new SearchDocuments(null, null) {
            @Override
            long count() {
                return 0;
            }

            @Override
            List<SearchDocument> after(String kind, long id, int limit) {
                return List.of();
            }
        };
        try (LuceneSearch engine = new LuceneSearch(dir, "bench", none)) {
            long started = System.nanoTime();
            SplittableRandom random = new SplittableRandom(20261125L);
            Instant now = Instant.now();
            long window = Duration.ofDays(90).toMillis();
            List<SearchDocument> batch = new ArrayList<>();
            for (long i = 0; i < posts * 3L; i++) {
                boolean post = i % 3 == 0;
                Instant at = now.minusMillis(window - window * i / (posts * 3L));
                batch.add(new SearchDocument(post ? SearchDocument.Kind.POST : SearchDocument.Kind.COMMENT, i + 1,
                        post ? i + 1 : i - i % 3 + 1, 1L + random.nextInt(10_000), 1L + random.nextInt(100_000), false,
                        Language.ENGLISH, false, post ? words(random, 3 + random.nextInt(6)) : "",
                        post ? words(random, 10 + random.nextInt(50)) : words(random, 4 + random.nextInt(30)), "", at, 1));
                if (batch.size() == 10_000) {
                    engine.written(batch);
                    batch.clear();
                }
            }
            engine.written(batch);
            engine.commit();
            System.out.printf("index: %,d documents in %.0f s%n", posts * 3L, (System.nanoTime() - started) / 1e9);
            for (int threads : new int[] {1, 8}) {
                measure(engine, threads, queries / 3); // warm-up
                long[][] times = measure(engine, threads, queries);
                System.out.printf("%d thread(s), %d queries each:%n", threads, queries);
                System.out.println("| query | p50 | p95 | p99 | max |");
                System.out.println("| --- | --- | --- | --- | --- |");
                for (int label = 0; label < LABELS.length; label++) {
                    long[] sorted = times[label];
                    Arrays.sort(sorted);
                    System.out.printf("| %s | %.1f ms | %.1f ms | %.1f ms | %.1f ms |%n", LABELS[label], ms(sorted, 0.5),
                            ms(sorted, 0.95), ms(sorted, 0.99), sorted[sorted.length - 1] / 1e6);
                }
            }
        } finally {
            try (var files = Files.walk(dir)) {
                files.sorted((a, b) -> b.compareTo(a)).forEach(p -> p.toFile().delete());
            }
        }
    }

    /** Per kind of query, the times of {@code count} queries from each of {@code threads} threads at once. */
    static long[][] measure(LuceneSearch engine, int threads, int count) throws InterruptedException {
        long[][] times = new long[LABELS.length][threads * count];
        List<Thread> running = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            int thread = t;
            running.add(Thread.ofPlatform().start(() -> {
                SplittableRandom random = new SplittableRandom(thread);
                for (int i = 0; i < count; i++) {
                    for (int label = 0; label < LABELS.length; label++) {
                        List<SearchQuery.Term> terms = switch (label) {
                            case 0 -> List.of(new SearchQuery.Term(pick(random, QUERY_WORDS), false));
                            case 1 -> List.of(new SearchQuery.Term(pick(random, QUERY_WORDS), false),
                                    new SearchQuery.Term(pick(random, QUERY_WORDS), false));
                            default -> List.of(new SearchQuery.Term(pick(random, PHRASES), true));
                        };
                        Criteria criteria = new Criteria(SearchType.POSTS, terms, Set.of(), Set.of(), null, null, false,
                                null, null, false, 1_000);
                        long t0 = System.nanoTime();
                        engine.find(criteria, null, 20);
                        times[label][thread * count + i] = System.nanoTime() - t0;
                    }
                }
            }));
        }
        for (Thread t : running) {
            t.join();
        }
        return times;
    }

    static String words(SplittableRandom random, int count) {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < count; i++) {
            text.append(i == 0 ? "" : " ").append(pick(random, WORDS));
        }
        return text.toString();
    }

    static String pick(SplittableRandom random, String[] from) {
        return from[random.nextInt(from.length)];
    }

    static double ms(long[] sorted, double q) {
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(q * sorted.length) - 1)] / 1e6;
    }
}
