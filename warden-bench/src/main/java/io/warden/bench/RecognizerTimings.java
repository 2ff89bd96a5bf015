package io.warden.bench;

import io.warden.detect.Analyzer;
import io.warden.detect.AnalyzerConfig;
import io.warden.detect.BuiltInRecognizers;
import io.warden.detect.Recognizer;
import io.warden.detect.ScanText;
import java.io.IOException;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;

/**
 * Rough single-thread cost of each built-in recognizer over generated English text with PII, best of N passes —
 * a quick guide to where analysis time goes (use {@link AnalyzerBenchmark} under JMH for figures to publish).
 * A second table gives each recognizer's marginal cost: the time the full set saves without it.
 * Usage: {@code RecognizerTimings [MEGABYTES=16] [PASSES=5]}.
 */
public final class RecognizerTimings {
    private RecognizerTimings() {}

    public static void main(String[] args) throws IOException {
        int mb = args.length > 0 ? Integer.parseInt(args[0]) : 16;
        int passes = args.length > 1 ? Integer.parseInt(args[1]) : 5;
        StringWriter w = new StringWriter();
        new CorpusGenerator().text(w, (long) mb << 20);
        String[] lines = w.toString().split("\n");
        double bytes = (double) mb * (1 << 20);
        List<Recognizer> all = BuiltInRecognizers.all();
        Analyzer everything = new Analyzer(all, AnalyzerConfig.defaults());
        best(passes, () -> run(everything, lines)); // warm up every recognizer before timing any
        double lex = best(passes, () -> {
            long n = 0;
            for (String l : lines) n += new ScanText(l, null).tokenCount();
            return n;
        });
        System.out.printf("%-22s %8.1f MB/s%n", "(lexing only)", bytes / lex / 1e6);
        List<String[]> rows = new ArrayList<>();
        for (Recognizer r : all) {
            Analyzer a = new Analyzer(List.of(r), AnalyzerConfig.defaults());
            double t = best(passes, () -> run(a, lines));
            rows.add(new String[] {r.name(), String.format("%8.1f", bytes / t / 1e6),
                    String.format("%6.0f", (t - lex) * 1e3 / mb)});
        }
        rows.sort((x, y) -> Double.compare(Double.parseDouble(x[1]), Double.parseDouble(y[1])));
        System.out.printf("%-22s %13s %14s%n", "recognizer", "lex+it MB/s", "ms/MiB beyond");
        for (String[] r : rows) System.out.printf("%-22s %8s MB/s %10s ms%n", r[0], r[1], r[2]);
        double t = best(passes, () -> run(everything, lines));
        System.out.printf("%-22s %8.1f MB/s%n", "ALL", bytes / t / 1e6);
        // marginal cost: what each recognizer adds to the full set (shared work such as name classes is not
        // charged to each one, as it is in the table above)
        System.out.printf("%n%-22s %14s%n", "without recognizer", "ms/MiB saved");
        List<String[]> saved = new ArrayList<>();
        for (Recognizer r : all) {
            List<Recognizer> rest = new ArrayList<>(all);
            rest.remove(r);
            Analyzer a = new Analyzer(rest, AnalyzerConfig.defaults());
            double tr = best(passes, () -> run(a, lines));
            saved.add(new String[] {r.name(), String.format("%6.1f", (t - tr) * 1e3 / mb)});
        }
        saved.sort((x, y) -> Double.compare(Double.parseDouble(y[1]), Double.parseDouble(x[1])));
        for (String[] r : saved) System.out.printf("%-22s %10s ms%n", r[0], r[1]);
    }

    private static long run(Analyzer a, String[] lines) {
        long n = 0;
        for (String l : lines) n += a.analyze(l, null).size();
        return n;
    }

    private static double best(int passes, java.util.function.LongSupplier work) {
        double best = Double.MAX_VALUE;
        for (int i = 0; i < passes; i++) {
            long t0 = System.nanoTime();
            work.getAsLong();
            best = Math.min(best, (System.nanoTime() - t0) / 1e9);
        }
        return best;
    }
}
