package io.jenkins.plugins.securitycatalogue.benchmarks;

import io.jenkins.plugins.securitycatalogue.formats.FormatRegistry;
import java.io.PrintStream;
import java.util.Arrays;
import java.util.Collection;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.CommandLineOptions;
import org.openjdk.jmh.runner.options.OptionsBuilder;

/**
 * Runs one group of benchmarks in one JMH run, each beside its reference, and prints the ratios.
 * Usage: {@code java -jar benchmarks/target/benchmarks.jar p1|p2|p3|p4 [JMH options]}, for example
 * {@code p1 -f 1 -wi 2 -i 3 -p megabytes=10,100}. See docs/performance.md.
 */
public final class Benchmarks {
    private static final PrintStream OUT = System.out;

    private Benchmarks() {
    }

    /** Runs the group named by the first argument. */
    public static void main(String[] arguments) throws Exception {
        if (arguments.length == 0) {
            OUT.println("Usage: p1|p2|p3|p4 [JMH options]");
            return;
        }
        String group = arguments[0];
        String[] rest = Arrays.copyOfRange(arguments, 1, arguments.length);
        if ("p4".equals(group)) {
            PeakHeap.main(rest);
            return;
        }
        ChainedOptionsBuilder options = new OptionsBuilder().parent(new CommandLineOptions(rest));
        switch (group) {
            case "p1" -> {
                options.include(ParseBenchmark.class.getSimpleName());
                if (!Arrays.asList(rest).contains("format") && Arrays.stream(rest).noneMatch(
                        argument -> argument.startsWith("format="))) {
                    options.param("format", formats());
                }
            }
            case "p2" -> options.include(RecordBenchmark.class.getSimpleName());
            case "p3" -> options.include(QueryBenchmark.class.getSimpleName());
            default -> throw new IllegalArgumentException("Unknown group " + group + "; use p1, p2, p3 or p4");
        }
        Collection<RunResult> results = new Runner(options.build()).run();
        if ("p1".equals(group)) {
            printParseRatios(results);
        }
    }

    /** The formats our registry has now and the generator can write. */
    private static String[] formats() {
        return new FormatRegistry().formats().stream().map(format -> format.id())
                .filter(ReportGenerator.FORMATS::contains).toArray(String[]::new);
    }

    private static void printParseRatios(Collection<RunResult> results) {
        Map<String, Map<String, Double>> byCase = new TreeMap<>();
        for (RunResult result : results) {
            var params = result.getParams();
            String key = params.getParam("format") + " " + params.getParam("megabytes") + " MB";
            String method = params.getBenchmark().substring(params.getBenchmark().lastIndexOf('.') + 1);
            byCase.computeIfAbsent(key, k -> new TreeMap<>()).put(method, result.getPrimaryResult().getScore());
        }
        OUT.println();
        OUT.println("| report | ours ms | analysis-model ms | bare Jackson ms | ours MB/s | speed-up vs analysis-model "
                + "| ours / bare |");
        OUT.println("|---|---|---|---|---|---|---|");
        byCase.forEach((key, scores) -> {
            double ours = scores.getOrDefault("catalogue", Double.NaN);
            double reference = scores.getOrDefault("analysisModel", Double.NaN);
            double bare = scores.getOrDefault("jacksonBare", Double.NaN);
            double megabytes = Double.parseDouble(key.split(" ")[1]);
            OUT.printf(Locale.ROOT, "| %s | %.0f | %.0f | %.0f | %.0f | %.1fx | %.2fx |%n", key, ours, reference,
                    bare, megabytes / ours * 1000, reference / ours, ours / bare);
        });
    }
}
