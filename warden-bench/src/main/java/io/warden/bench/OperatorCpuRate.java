package io.warden.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Arrays;
import java.util.List;

/**
 * The operators' throughput per second of CPU time of the measuring thread, next to JMH's per wall-clock second: on a
 * machine shared with other jobs the thread is often descheduled, which lowers JMH's figure but not this one.
 *
 * <p>Same operators and inputs as {@link OperatorBenchmark}. Usage: {@code OperatorCpuRate [OPERATOR ...]}.
 */
public final class OperatorCpuRate {
    private static final long WARMUP_NANOS = 4_000_000_000L;
    private static final int ROUNDS = 7;
    private static final long ROUND_NANOS = 1_500_000_000L;

    /** Where results go so that the JIT cannot drop the work. */
    static volatile long sink;

    private OperatorCpuRate() {}

    public static void main(String[] args) {
        List<String> operators = args.length > 0 ? List.of(args)
                : List.of("tokenize", "fpe", "surrogate-person", "surrogate-email", "hash");
        ThreadMXBean mx = ManagementFactory.getThreadMXBean();
        System.out.printf("%-18s %18s %18s %8s%n", "operator", "values/cpu-s", "values/wall-s", "cpu%");
        for (String name : operators) {
            OperatorBenchmark b = new OperatorBenchmark();
            b.operator = name;
            b.setup();
            long until = System.nanoTime() + WARMUP_NANOS;
            while (System.nanoTime() < until) sink += pass(b);
            double[] cpuRates = new double[ROUNDS];
            double[] wallRates = new double[ROUNDS];
            for (int r = 0; r < ROUNDS; r++) {
                long values = 0;
                long cpu0 = mx.getCurrentThreadCpuTime();
                long wall0 = System.nanoTime();
                while (System.nanoTime() - wall0 < ROUND_NANOS) {
                    sink += pass(b);
                    values += OperatorBenchmark.VALUES;
                }
                long cpu = mx.getCurrentThreadCpuTime() - cpu0;
                long wall = System.nanoTime() - wall0;
                cpuRates[r] = values * 1e9 / cpu;
                wallRates[r] = values * 1e9 / wall;
            }
            Arrays.sort(cpuRates);
            Arrays.sort(wallRates);
            double cpuMedian = cpuRates[ROUNDS / 2];
            double wallMedian = wallRates[ROUNDS / 2];
            System.out.printf("%-18s %18.0f %18.0f %7.0f%%%n", name, cpuMedian, wallMedian, 100 * wallMedian / cpuMedian);
        }
    }

    /** One pass over the values; returns a sum of result lengths so the work cannot be skipped. */
    private static long pass(OperatorBenchmark b) {
        return b.lengths();
    }
}
