package io.warden.bench;

import io.warden.detect.Analyzer;
import io.warden.detect.AnalyzerConfig;
import io.warden.detect.BuiltInRecognizers;
import io.warden.detect.Recognizer;
import io.warden.detect.ScanText;
import java.io.IOException;
import java.io.StringWriter;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * JMH: single-thread analysis cost per recognizer and for all of them, over 1 MiB of generated English text with PII
 * (the same generator as the ripgrep comparison). Divide 1 MiB by the time per op for MB/s.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class AnalyzerBenchmark {
    /** "all", "lex" (tokenizing only), or one recognizer name. */
    @Param({"all", "lex"})
    public String recognizer;

    private String[] lines;
    private Analyzer analyzer;

    @Setup(Level.Trial)
    public void setup() throws IOException {
        StringWriter w = new StringWriter();
        new CorpusGenerator().text(w, 1 << 20);
        lines = w.toString().split("\n");
        List<Recognizer> recs = BuiltInRecognizers.all();
        if (!recognizer.equals("all") && !recognizer.equals("lex")) {
            recs = recs.stream().filter(r -> r.name().equals(recognizer)).toList();
            if (recs.isEmpty()) throw new IllegalArgumentException("no recognizer named " + recognizer);
        }
        analyzer = new Analyzer(recs, AnalyzerConfig.defaults());
    }

    @Benchmark
    public void analyzeOneMiB(Blackhole bh) {
        if (recognizer.equals("lex")) {
            for (String line : lines) bh.consume(new ScanText(line, null).tokenCount());
            return;
        }
        for (String line : lines) bh.consume(analyzer.analyze(line, null));
    }
}
