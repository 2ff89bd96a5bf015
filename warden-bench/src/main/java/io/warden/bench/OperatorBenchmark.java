package io.warden.bench;

import io.warden.crypto.Keyring;
import io.warden.protect.operator.Fpe;
import io.warden.protect.operator.Hash;
import io.warden.protect.operator.Operator;
import io.warden.protect.operator.Operator.Target;
import io.warden.protect.operator.Surrogate;
import io.warden.protect.operator.Tokenize;
import java.util.HashSet;
import java.util.Locale;
import java.util.Random;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import net.datafaker.Faker;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * JMH: single-thread throughput of the keyed operators, in values per second, over {@value #VALUES} distinct
 * realistic values (e-mail addresses, 16-digit card numbers, person names) cycled in order — no value repeats within
 * an invocation, and nothing is cached between values.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class OperatorBenchmark {
    static final int VALUES = 1 << 16;

    /** tokenize (e-mails), fpe (cards), surrogate-person, surrogate-email, hash (e-mails). */
    @Param({"tokenize", "fpe", "surrogate-person", "surrogate-email", "hash"})
    public String operator;

    private String[] values;
    private Operator op;
    private Target target;

    @Setup(Level.Trial)
    public void setup() {
        Keyring keyring = Keyring.generate();
        switch (operator) {
            case "tokenize" -> {
                values = emails();
                op = new Tokenize(keyring);
                target = Target.cell("email");
            }
            case "fpe" -> {
                values = cards();
                op = new Fpe(keyring, Fpe.Alphabet.DIGITS, false);
                target = Target.cell("card");
            }
            case "surrogate-person" -> {
                values = names();
                op = new Surrogate(keyring);
                target = new Target("name", "PERSON");
            }
            case "surrogate-email" -> {
                values = emails();
                op = new Surrogate(keyring);
                target = new Target("email", "EMAIL_ADDRESS");
            }
            case "hash" -> {
                values = emails();
                op = new Hash(keyring);
                target = Target.cell("email");
            }
            default -> throw new IllegalArgumentException("unknown operator " + operator);
        }
    }

    @Benchmark
    @OperationsPerInvocation(VALUES)
    public void apply(Blackhole bh) {
        Operator o = op;
        Target t = target;
        for (String v : values) bh.consume(o.apply(v, t));
    }

    /** One pass over the values outside JMH ({@link OperatorCpuRate}): the summed lengths of the results. */
    long lengths() {
        long sum = 0;
        for (String v : values) sum += op.apply(v, target).length();
        return sum;
    }

    /** Distinct person names, "First Last" or "First Middle Last", from Datafaker's English lists. */
    static String[] names() {
        Faker faker = new Faker(Locale.ENGLISH, new Random(20260101));
        Set<String> out = new HashSet<>();
        while (out.size() < VALUES) {
            String first = faker.name().firstName();
            String name = out.size() % 5 == 0 ? first + " " + faker.name().firstName() + " " + faker.name().lastName()
                    : first + " " + faker.name().lastName();
            out.add(name);
        }
        return shuffled(out);
    }

    /** Distinct e-mail addresses in the usual shapes. */
    static String[] emails() {
        Faker faker = new Faker(Locale.ENGLISH, new Random(20260102));
        String[] domains = {"example.com", "gmail.com", "outlook.com", "corp.example.net", "university.edu"};
        SplittableRandom r = new SplittableRandom(3);
        Set<String> out = new HashSet<>();
        while (out.size() < VALUES) {
            String first = faker.name().firstName().toLowerCase(Locale.ROOT);
            String last = faker.name().lastName().toLowerCase(Locale.ROOT).replace("'", "");
            String local = switch (r.nextInt(3)) {
                case 0 -> first + "." + last;
                case 1 -> first.charAt(0) + last + r.nextInt(100);
                default -> first + "_" + last + r.nextInt(10_000);
            };
            out.add(local + "@" + domains[r.nextInt(domains.length)]);
        }
        return shuffled(out);
    }

    /** Distinct 16-digit card numbers written in four groups, valid Luhn, Visa/Mastercard prefixes. */
    static String[] cards() {
        SplittableRandom r = new SplittableRandom(4);
        Set<String> out = new HashSet<>();
        int[] digits = new int[16];
        while (out.size() < VALUES) {
            digits[0] = r.nextBoolean() ? 4 : 5;
            for (int i = 1; i < 15; i++) digits[i] = r.nextInt(10);
            int sum = 0;
            for (int i = 14, k = 0; i >= 0; i--, k++) {
                int d = digits[i];
                if (k % 2 == 0) d = d * 2 > 9 ? d * 2 - 9 : d * 2;
                sum += d;
            }
            digits[15] = (10 - sum % 10) % 10;
            StringBuilder sb = new StringBuilder(19);
            for (int i = 0; i < 16; i++) {
                if (i > 0 && i % 4 == 0) sb.append(' ');
                sb.append(digits[i]);
            }
            out.add(sb.toString());
        }
        return shuffled(out);
    }

    private static String[] shuffled(Set<String> set) {
        String[] a = set.toArray(new String[0]);
        java.util.Arrays.sort(a);
        SplittableRandom r = new SplittableRandom(5);
        for (int i = a.length - 1; i > 0; i--) {
            int j = r.nextInt(i + 1);
            String t = a[i];
            a[i] = a[j];
            a[j] = t;
        }
        return a;
    }
}
