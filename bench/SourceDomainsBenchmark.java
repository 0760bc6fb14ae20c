import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import org.tribune.source.Domain;

/**
 * Times what a page of posts costs in Java to find its links' source labels: working out the registrable domain of
 * each link (the public suffix list, IDN conversion). The lookup itself is one indexed query per page, timed with
 * pgbench by bench/pgbench/source-labels.sql.
 *
 * <pre>
 * mvn -B -q compile
 * java -cp target/classes:$HOME/.m2/repository/com/google/guava/guava/33.5.0-jre/guava-33.5.0-jre.jar \
 *     bench/SourceDomainsBenchmark.java [links]
 * </pre>
 */
public class SourceDomainsBenchmark {
    public static void main(String[] args) {
        int links = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
        SplittableRandom random = new SplittableRandom(1);
        String[] hosts = {"www.example%d.com", "news.site%d.co.uk", "site%d.org", "blog%d.github.io", "www.bücher%d.de",
                "m.paper%d.fr"};
        List<String> urls = new ArrayList<>(links);
        for (int i = 0; i < links; i++) {
            urls.add("https://" + hosts[random.nextInt(hosts.length)].formatted(random.nextInt(10_000)) + "/2026/11/story-"
                    + random.nextInt(1_000_000) + "?ref=feed");
        }
        for (int round = 0; round < 5; round++) {
            long start = System.nanoTime();
            int found = 0;
            for (String url : urls) {
                if (Domain.of(url).isPresent()) {
                    found++;
                }
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            System.out.printf("round %d: %,d links in %.3f s = %.2f µs per link, %.1f µs per page of 20 (%d with a domain)%n",
                    round + 1, links, seconds, seconds * 1e6 / links, seconds * 1e6 / links * 20, found);
        }
    }
}
