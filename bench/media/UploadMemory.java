import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The memory and time of processing one upload, measured on the real code: org.tribune.media.Processing.process (what
 * POST /api/v1/media runs: header checks, subsampled decode, orientation, sRGB, the 400/800/1600 WebP and JPEG
 * encodes, the BlurHash), called through reflection as it is package-private. Run under a small -Xmx, it proves the
 * upload fits; the heap pools' peak (garbage included) and the heap left after a full collection are printed too.
 * Usage (bench/media.sh runs it): java -Xmx150m -cp <classes and dependencies> bench/media/UploadMemory.java photo.jpg [runs]
 */
public class UploadMemory {
    public static void main(String[] args) throws Exception {
        byte[] upload = Files.readAllBytes(Path.of(args[0]));
        int runs = args.length > 1 ? Integer.parseInt(args[1]) : 5;
        Class<?> processing = Class.forName("org.tribune.media.Processing");
        Method process = processing.getDeclaredMethod("process", String.class, byte[].class, boolean.class);
        process.setAccessible(true);
        List<MemoryPoolMXBean> heap = ManagementFactory.getMemoryPoolMXBeans().stream()
                .filter(p -> p.getType() == MemoryType.HEAP).toList();
        long max = Runtime.getRuntime().maxMemory();
        System.out.printf("upload %.2f MiB; -Xmx %d MiB; %s%n", upload.length / 1048576.0, max >> 20,
                ManagementFactory.getGarbageCollectorMXBeans().stream().map(GarbageCollectorMXBean::getName).toList());
        for (int run = 0; run <= runs; run++) {
            System.gc();
            long before = used(heap);
            heap.forEach(MemoryPoolMXBean::resetPeakUsage);
            long t0 = System.nanoTime();
            Object processed = process.invoke(null, "photo.jpg", upload, false);
            long ms = (System.nanoTime() - t0) / 1_000_000;
            long peak = heap.stream().mapToLong(p -> p.getPeakUsage().getUsed()).sum();
            System.gc();
            System.out.printf("%s: %d ms, heap pools' peak %d MiB (before: %d MiB live), %s%n",
                    run == 0 ? "warm-up" : "run " + run, ms, peak >> 20, before >> 20,
                    processed.toString().replaceAll("\\[B@[0-9a-f]+", "bytes").replaceAll("(?s)sizes=.*", "...") );
        }
    }

    static long used(List<MemoryPoolMXBean> heap) {
        return heap.stream().mapToLong(p -> p.getUsage().getUsed()).sum();
    }
}
