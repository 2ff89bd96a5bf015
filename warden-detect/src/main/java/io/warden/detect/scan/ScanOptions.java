package io.warden.detect.scan;

/**
 * How {@link DatasetScanner} runs.
 *
 * @param threads worker threads analyzing batches (the reading thread is extra)
 * @param showValues include matched values in findings (off by default: values are sensitive)
 * @param sampleLimit findings kept in the report for SARIF / HTML
 * @param table whether the input is a table (column classification is computed for tables only)
 * @param riskThreshold prosecutor risk above which a record counts as at risk
 */
public record ScanOptions(int threads, boolean showValues, int sampleLimit, boolean table, double riskThreshold) {
    public ScanOptions {
        if (threads < 1) throw new IllegalArgumentException("threads must be >= 1");
        if (sampleLimit < 0) throw new IllegalArgumentException("sampleLimit must be >= 0");
    }

    public static ScanOptions defaults() {
        return new ScanOptions(Runtime.getRuntime().availableProcessors(), false, 1000, false, 0.2);
    }

    public ScanOptions withThreads(int n) {
        return new ScanOptions(n, showValues, sampleLimit, table, riskThreshold);
    }

    public ScanOptions withShowValues(boolean v) {
        return new ScanOptions(threads, v, sampleLimit, table, riskThreshold);
    }

    public ScanOptions withTable(boolean t) {
        return new ScanOptions(threads, showValues, sampleLimit, t, riskThreshold);
    }

    public ScanOptions withRiskThreshold(double r) {
        return new ScanOptions(threads, showValues, sampleLimit, table, r);
    }

    public ScanOptions withSampleLimit(int n) {
        return new ScanOptions(threads, showValues, n, table, riskThreshold);
    }
}
