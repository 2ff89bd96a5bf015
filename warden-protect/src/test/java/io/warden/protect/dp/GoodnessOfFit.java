package io.warden.protect.dp;

import java.util.function.LongToDoubleFunction;
import org.apache.commons.statistics.inference.ChiSquareTest;

/**
 * Chi-square goodness of fit of integer samples against an exact pmf, and the exact moments of that pmf.
 *
 * <p>Bins are runs of consecutive integers, closed as soon as their expected count reaches {@code max(20, n / 100)}
 * (or 20, when the next integer alone expects that much): there are at most about 100 bins, every bin expects
 * at least 20 samples (the chi-square approximation is good), and integers near the mode are bins of their
 * own. The pmf is summed over {@code [lo, hi]}, which callers choose so that the mass outside is below
 * {@code 1e-12}; samples outside fall into the edge bins.
 */
final class GoodnessOfFit {
    /** The p-value threshold of every statistical test here: a correct sampler fails a check w.p. 1e-6. */
    static final double ALPHA = 1e-6;

    private static final double MIN_EXPECTED = 20;

    private final long lo;
    private final long hi;
    private final double[] pmf;

    GoodnessOfFit(LongToDoubleFunction pmf, long lo, long hi) {
        this.lo = lo;
        this.hi = hi;
        this.pmf = new double[Math.toIntExact(hi - lo + 1)];
        for (long z = lo; z <= hi; z++) this.pmf[(int) (z - lo)] = pmf.applyAsDouble(z);
    }

    /** The chi-square p-value of {@code samples} against the pmf. */
    double pValue(long[] samples) {
        int n = samples.length;
        double target = Math.max(MIN_EXPECTED, n / 100.0);
        int[] binOf = new int[pmf.length];
        double[] expected = new double[pmf.length];
        int bins = 0;
        double acc = 0;
        for (int i = 0; i < pmf.length; i++) {
            binOf[i] = bins;
            acc += pmf[i] * n;
            boolean nextIsLarge = i + 1 < pmf.length && pmf[i + 1] * n >= target;
            if (acc >= target || acc >= MIN_EXPECTED && nextIsLarge) {
                expected[bins++] = acc;
                acc = 0;
            }
        }
        if (acc >= MIN_EXPECTED || bins == 0) {
            expected[bins++] = acc;
        } else if (acc > 0) { // a tiny remainder joins the last bin
            expected[bins - 1] += acc;
            for (int i = pmf.length - 1; i >= 0 && binOf[i] == bins; i--) binOf[i] = bins - 1;
        }
        long[] observed = new long[bins];
        for (long z : samples) {
            int i = (int) (Math.min(Math.max(z, lo), hi) - lo);
            observed[binOf[i]]++;
        }
        double[] exp = java.util.Arrays.copyOf(expected, bins);
        if (bins < 2) throw new IllegalStateException("one bin: nothing to test");
        return ChiSquareTest.withDefaults().test(exp, observed).getPValue();
    }

    /** The pmf's mean. */
    double mean() {
        return moment(0, 1);
    }

    /** The pmf's {@code k}-th central moment about {@code center}. */
    double moment(double center, int k) {
        double m = 0;
        for (int i = 0; i < pmf.length; i++) m += pmf[i] * Math.pow(lo + i - center, k);
        return m;
    }

    /**
     * Whether the sample mean and variance are within {@code 6} standard errors of the pmf's (two-sided normal
     * tail 2e-9 each; the samples are many thousands, so the central limit theorem applies).
     */
    String momentsMismatch(long[] samples) {
        int n = samples.length;
        double mu = mean();
        double var = moment(mu, 2);
        double mu4 = moment(mu, 4);
        double sum = 0;
        for (long z : samples) sum += z;
        double sampleMean = sum / n;
        double ss = 0;
        for (long z : samples) ss += (z - sampleMean) * (z - sampleMean);
        double sampleVar = ss / (n - 1);
        double meanZ = (sampleMean - mu) / Math.sqrt(var / n);
        double varZ = (sampleVar - var) / Math.sqrt((mu4 - var * var) / n);
        if (Math.abs(meanZ) > 6 || Math.abs(varZ) > 6) {
            return "mean " + sampleMean + " vs " + mu + " (z=" + meanZ + "), variance " + sampleVar + " vs " + var
                    + " (z=" + varZ + ")";
        }
        return null;
    }

    /** The discrete Laplace pmf with scale {@code b}: {@code tanh(1/(2b)) exp(-|z|/b)}. */
    static LongToDoubleFunction laplacePmf(double b) {
        double c = Math.tanh(1 / (2 * b));
        return z -> c * Math.exp(-Math.abs(z) / b);
    }

    /** The discrete Gaussian pmf with variance parameter {@code sigma2}, normalised by direct summation. */
    static LongToDoubleFunction gaussianPmf(double sigma2) {
        long r = (long) Math.ceil(Math.sqrt(sigma2) * 12) + 2;
        double norm = 0;
        for (long k = -r; k <= r; k++) norm += Math.exp(-(double) k * k / (2 * sigma2));
        double c = 1 / norm;
        return z -> c * Math.exp(-(double) z * z / (2 * sigma2));
    }

    static GoodnessOfFit laplace(double b) {
        long r = (long) Math.ceil(b * 30) + 2; // outside mass below 2 exp(-30) < 1e-12
        return new GoodnessOfFit(laplacePmf(b), -r, r);
    }

    static GoodnessOfFit gaussian(double sigma2) {
        long r = (long) Math.ceil(Math.sqrt(sigma2) * 8) + 2; // outside mass below exp(-32) < 1e-13
        return new GoodnessOfFit(gaussianPmf(sigma2), -r, r);
    }
}
