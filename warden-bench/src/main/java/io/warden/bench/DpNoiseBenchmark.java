package io.warden.bench;

import io.warden.protect.dp.DiscreteGaussian;
import io.warden.protect.dp.DiscreteLaplace;
import io.warden.protect.dp.Noise;
import io.warden.protect.dp.RandomSource;
import io.warden.protect.dp.Rational;
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

/**
 * JMH: nanoseconds per exact noise sample, single thread, for discrete Laplace and discrete Gaussian noise at small
 * and large scales, from the seeded generator (the samplers' own cost) and from SecureRandom (what a release pays).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class DpNoiseBenchmark {
    /** {@code laplace:<scale>} or {@code gaussian:<sigma^2>}, the parameter as {@code num/den} or an integer. */
    @Param({"laplace:1", "laplace:1000/3", "gaussian:1", "gaussian:1000000", "gaussian:28622/1000"})
    public String noise;

    /** {@code seeded} or {@code secure}. */
    @Param({"seeded", "secure"})
    public String random;

    private Noise sampler;
    private RandomSource source;

    @Setup(Level.Trial)
    public void setup() {
        String[] kind = noise.split(":", 2);
        String[] frac = kind[1].split("/", 2);
        Rational p = Rational.of(Long.parseLong(frac[0]), frac.length > 1 ? Long.parseLong(frac[1]) : 1);
        sampler = switch (kind[0]) {
            case "laplace" -> new DiscreteLaplace(p);
            case "gaussian" -> new DiscreteGaussian(p);
            default -> throw new IllegalArgumentException("unknown noise " + noise);
        };
        source = random.equals("secure") ? RandomSource.secure() : RandomSource.insecureSeeded(1);
    }

    @Benchmark
    public long sample() {
        return sampler.sample(source);
    }
}
