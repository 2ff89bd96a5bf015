package io.warden.server.catalog;

import io.warden.core.ErrorCode;
import io.warden.core.WardenException;
import io.warden.core.io.ReadOptions;
import io.warden.core.policy.Policy;
import io.warden.crypto.Keyring;
import io.warden.detect.Analyzers;
import io.warden.protect.job.DataSource;
import io.warden.protect.job.Manifest;
import io.warden.protect.job.ProtectJob;
import io.warden.protect.job.ProtectOutput;
import io.warden.protect.job.TablePass;
import io.warden.protect.operator.OperatorFactory;
import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;

/**
 * Protects an uploaded version by its dataset's policy with the library {@code warden protect} uses: each reading of
 * the job unseals the stored upload afresh into it as a stream, the output is sealed into a new blob as it is
 * written and unsealed again for the self-check, so no plaintext touches the disk. Keyed operators use the server's
 * keyring. Text formats only (CSV, JSONL, text, gzipped or not), as {@code warden protect}.
 */
final class UploadProtector {
    private UploadProtector() {}

    /**
     * A protected blob, kept, and what was done to make it.
     *
     * @param stored the new blob (the caller deletes it if it is not recorded after all)
     * @param fileName its file name: the upload's, without {@code .gz} (the output is never compressed)
     * @param manifest the {@code warden protect} manifest, JSON
     * @param recordsIn records read
     * @param recordsOut records written
     */
    record Protected(BlobStore.Stored stored, String fileName, String manifest, long recordsIn, long recordsOut) {}

    /**
     * Protects blob {@code blob} of {@code dataset}, named {@code fileName}, by {@code policy}'s protect section.
     *
     * @throws WardenException VERIFICATION_FAILED when the self-check still finds what must be removed (naming fields
     *     and entities, never values); INVALID_POLICY, MALFORMED_INPUT, BAD_USAGE (Parquet) and others as
     *     {@code warden protect}. Nothing of the protected output is left in any of these cases.
     */
    static Protected protect(BlobStore blobs, Keyring keyring, String dataset, String blob, String fileName,
            Policy policy) {
        ProtectJob job = new ProtectJob(policy, Analyzers.forPolicy(policy),
                new OperatorFactory(Path.of(""), () -> keyring), new TablePass());
        DataSource input = DataSource.stream(fileName, () -> new StreamPipe(out -> blobs.get(keyring, dataset, blob,
                out)));
        String outputName = fileName.regionMatches(true, fileName.length() - 3, ".gz", 0, 3) && fileName.length() > 3
                ? fileName.substring(0, fileName.length() - 3) : fileName;
        Sealed output = new Sealed(blobs, keyring, dataset, outputName);
        ProtectJob.Outcome outcome = job.run(new ProtectJob.Request(input, ReadOptions.defaults(), output, 1));
        if (!outcome.passed()) {
            throw new WardenException(ErrorCode.VERIFICATION_FAILED, "the self-check still finds what the policy says "
                    + "must be removed (" + leaks(outcome.leaks()) + "); no protected version was made");
        }
        Manifest m = outcome.manifest();
        ByteArrayOutputStream json = new ByteArrayOutputStream();
        m.write(json);
        return new Protected(output.kept, outputName, json.toString(StandardCharsets.UTF_8), m.inputRecords(),
                m.outputRecords());
    }

    private static String leaks(Map<String, Long> leaks) {
        StringBuilder why = new StringBuilder();
        for (var e : leaks.entrySet()) {
            if (why.length() > 300) return why + "; ...";
            why.append(why.isEmpty() ? "" : "; ").append(e.getKey()).append(' ').append(e.getValue());
        }
        return why.toString();
    }

    /** The job's output sealed into a new blob of the dataset as it is written; read back by unsealing it. */
    private static final class Sealed implements ProtectOutput {
        private final BlobStore blobs;
        private final Keyring keyring;
        private final String dataset;
        private final String name;
        private BlobStore.Stored kept;

        Sealed(BlobStore blobs, Keyring keyring, String dataset, String name) {
            this.blobs = blobs;
            this.keyring = keyring;
            this.dataset = dataset;
            this.name = name;
        }

        @Override
        public String name() {
            return name;
        }

        @Override
        public Pending open() {
            BlobWriter writer = new BlobWriter(blobs, keyring, dataset);
            return new Pending() {
                private BlobStore.Stored stored;

                @Override
                public OutputStream data() {
                    return writer.out();
                }

                @Override
                public DataSource written() {
                    BlobStore.Stored s = writer.finish();
                    stored = s;
                    return DataSource.stream(name, () -> new StreamPipe(out -> blobs.get(keyring, dataset, s.blob(),
                            out)));
                }

                @Override
                public void commit(Manifest manifest) {
                    writer.keep();
                    kept = stored;
                }

                @Override
                public void close() {
                    writer.close();
                }
            };
        }
    }
}
