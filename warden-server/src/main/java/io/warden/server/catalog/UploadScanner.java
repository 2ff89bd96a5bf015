package io.warden.server.catalog;

import io.warden.core.io.InputFormat;
import io.warden.core.io.ReadOptions;
import io.warden.core.io.Readers;
import io.warden.core.policy.Policy;
import io.warden.core.record.RecordReader;
import io.warden.core.report.JsonReport;
import io.warden.core.report.ScanReport;
import io.warden.crypto.Keyring;
import io.warden.detect.Analyzers;
import io.warden.detect.scan.DatasetScanner;
import io.warden.detect.scan.ScanOptions;
import java.io.IOException;
import java.nio.file.Path;

/**
 * Scans an uploaded version against its dataset's policy with the same library {@code warden scan} uses: the sealed
 * blob is unsealed into the scanner as a stream, so the plaintext never touches the disk. Text formats only (CSV,
 * JSONL, text, gzipped or not); Parquet needs random access and is not scanned on upload yet.
 */
final class UploadScanner {
    private UploadScanner() {}

    /** The scan report of a stored blob; the input is named by the uploaded file name, values never included. */
    static ScanReport scan(BlobStore blobs, Keyring keyring, String dataset, String blob, String fileName,
            Policy policy) throws IOException {
        Path name = Path.of(fileName);
        InputFormat format = Readers.formatByName(name);
        try (StreamPipe plain = new StreamPipe(out -> blobs.get(keyring, dataset, blob, out));
                RecordReader reader = Readers.open(plain, name, ReadOptions.defaults())) {
            ScanOptions options = ScanOptions.defaults().withTable(format != InputFormat.TEXT).withThreads(1);
            return new DatasetScanner(Analyzers.forPolicy(policy), policy, options).scan(reader, fileName,
                    format.name(), f -> {}, n -> {});
        }
    }

    static String json(ScanReport report) {
        return JsonReport.render(report);
    }
}
