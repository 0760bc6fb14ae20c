import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import org.tribune.notes.NoteScorer;
import org.tribune.notes.NoteStatus;
import org.tribune.notes.ScoringSettings;

/**
 * Times the note scorer on a synthetic population of two camps: 1,000,000 ratings by 40,000 raters on 20,000 notes
 * by default, within a 1 GiB heap (see bench/note-scorer.sh, which sets -Xmx1g and reports the heap used).
 *
 * <pre>
 * mvn -B -q compile
 * java -Xmx1g -cp target/classes bench/NoteScorerBenchmark.java [ratings] [raters] [notes]
 * </pre>
 */
public class NoteScorerBenchmark {
    public static void main(String[] args) {
        int ratings = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
        int raters = args.length > 1 ? Integer.parseInt(args[1]) : 40_000;
        int notes = args.length > 2 ? Integer.parseInt(args[2]) : 20_000;
        SplittableRandom random = new SplittableRandom(1);
        List<NoteScorer.NoteInput> inputs = new ArrayList<>();
        double[][] appeal = new double[notes][2];
        for (int n = 0; n < notes; n++) {
            inputs.add(new NoteScorer.NoteInput(n, true, NoteStatus.NEEDS_MORE_RATINGS, false));
            switch (n % 4) {
                case 0 -> appeal[n] = new double[] {0.9, 0.1};
                case 1 -> appeal[n] = new double[] {0.1, 0.9};
                case 2 -> appeal[n] = new double[] {0.85, 0.85};
                default -> appeal[n] = new double[] {0.15, 0.15};
            }
        }
        java.util.Set<Long> pairs = new java.util.HashSet<>();
        List<NoteScorer.Rating> list = new ArrayList<>(ratings);
        while (list.size() < ratings) {
            int u = random.nextInt(raters);
            int n = random.nextInt(notes);
            if (pairs.add((long) u * notes + n)) {
                double p = appeal[n][u % 2];
                list.add(new NoteScorer.Rating(u, n, random.nextDouble() < p ? 1.0 : 0.0));
            }
        }
        NoteScorer scorer = new NoteScorer(ScoringSettings.defaults());
        scorer.score(inputs, list.subList(0, Math.min(list.size(), 10_000))); // warm up the JIT a little
        long start = System.nanoTime();
        NoteScorer.Result result = scorer.score(inputs, list);
        double seconds = (System.nanoTime() - start) / 1e9;
        long helpful = result.notes().values().stream().filter(s -> s.status() == NoteStatus.HELPFUL).count();
        long notHelpful = result.notes().values().stream().filter(s -> s.status() == NoteStatus.NOT_HELPFUL).count();
        java.lang.management.MemoryUsage heap = java.lang.management.ManagementFactory.getMemoryMXBean().getHeapMemoryUsage();
        long peak = java.lang.management.ManagementFactory.getMemoryPoolMXBeans().stream()
                .filter(p -> p.getType() == java.lang.management.MemoryType.HEAP)
                .mapToLong(p -> p.getPeakUsage().getUsed()).sum();
        System.out.printf("%d ratings, %d raters, %d notes: %.2f s, %d iterations (two rounds), %d counted ratings, "
                        + "%d helpful, %d not helpful; heap max %d MiB, peak used (sum of pools) %d MiB; %d processors%n",
                list.size(), raters, notes, seconds, result.iterations(), result.countedRatings(), helpful, notHelpful,
                heap.getMax() >> 20, peak >> 20, Runtime.getRuntime().availableProcessors());
    }
}
