package io.jenkins.plugins.securitycatalogue.benchmarks;

import edu.hm.hafner.analysis.FileReaderFactory;
import edu.hm.hafner.analysis.registry.ParserRegistry;
import io.jenkins.plugins.securitycatalogue.formats.FormatRegistry;
import io.jenkins.plugins.securitycatalogue.formats.ParsedReport;
import io.jenkins.plugins.securitycatalogue.formats.ReportInput;
import io.jenkins.plugins.securitycatalogue.formats.ReportReader;
import io.jenkins.plugins.securitycatalogue.model.SecretHasher;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * P4: the peak heap while parsing reports of 10, 50 and 100 MB, with our parser and with analysis-model's, and
 * the heap the parsed findings keep afterwards. Peak minus kept is what parsing itself costs; for a streaming
 * parser it stays flat as the file grows. Sampled every millisecond, after a full collection before each parse.
 * Usage: {@code p4 [format] [sizes...]}, default {@code sarif 10 50 100}; run with a fixed {@code -Xmx}.
 * "Peak used heap" also counts garbage the collector has not reclaimed yet; the fixed small heaps of
 * {@code -Dp4.oursOnly=true} runs and the live set after each collection in {@code -Xlog:gc} show the working set.
 */
final class PeakHeap {
    private static final PrintStream OUT = System.out;
    private static final MemoryMXBean MEMORY = ManagementFactory.getMemoryMXBean();
    /**
     * With {@code -Dp4.oursOnly=true} only our parser runs: for the sweep of small fixed heaps (run with
     * {@code -Xmx} of the findings kept plus a margin, and {@code -Xlog:gc}), where analysis-model cannot run.
     */
    private static final boolean OURS_ONLY = Boolean.getBoolean("p4.oursOnly");

    private PeakHeap() {
    }

    static void main(String[] arguments) throws Exception {
        String format = arguments.length > 0 ? arguments[0] : "sarif";
        int[] sizes = arguments.length > 1
                ? java.util.Arrays.stream(arguments, 1, arguments.length).mapToInt(Integer::parseInt).toArray()
                : new int[] {10, 50, 100};
        OUT.println("| parser | report MB | findings | peak heap MB | kept after parse MB | peak - kept MB |");
        OUT.println("|---|---|---|---|---|---|");
        for (int megabytes : sizes) {
            Path file = ReportGenerator.report(format, megabytes);
            var reader = new ReportReader(new FormatRegistry(), SecretHasher.withKey(new byte[32]));
            measure("ours", file, () -> reader.read(ReportInput.of(file, "report"), format));
            if (OURS_ONLY) {
                continue;
            }
            measure("analysis-model", file, () -> new ParserRegistry()
                    .get(ParseBenchmark.ANALYSIS_MODEL_IDS.get(format)).createParser()
                    .parse(new FileReaderFactory(file)));
        }
    }

    private static void measure(String parser, Path file, Callable<Object> parse) throws Exception {
        long baseline = settledHeap();
        var peak = new AtomicLong(baseline);
        var running = new AtomicBoolean(true);
        Thread sampler = new Thread(() -> {
            while (running.get()) {
                peak.accumulateAndGet(MEMORY.getHeapMemoryUsage().getUsed(), Math::max);
                try {
                    Thread.sleep(1);
                }
                catch (InterruptedException exception) {
                    return;
                }
            }
        });
        sampler.start();
        Object result = parse.call();
        running.set(false);
        sampler.join();
        long kept = settledHeap() - baseline;
        int findings = result instanceof ParsedReport report ? report.findings().size()
                : ((edu.hm.hafner.analysis.Report) result).size();
        OUT.printf(Locale.ROOT, "| %s | %d | %,d | %d | %d | %d |%n", parser, Files.size(file) >> 20, findings,
                (peak.get() - baseline) >> 20, kept >> 20, (peak.get() - baseline - kept) >> 20);
        java.lang.ref.Reference.reachabilityFence(result);
    }

    private static long settledHeap() throws InterruptedException {
        for (int round = 0; round < 3; round++) {
            System.gc();
            Thread.sleep(100);
        }
        return MEMORY.getHeapMemoryUsage().getUsed();
    }
}
