package io.warden.protect.job;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.warden.core.ErrorCode;
import io.warden.core.WardenException;
import io.warden.core.io.ReadOptions;
import io.warden.core.policy.Policy;
import io.warden.core.policy.PolicyLoader;
import io.warden.detect.Analyzers;
import io.warden.protect.operator.OperatorFactory;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A protect job whose input is a stream opened anew for each reading and whose output is not a file. */
class ProtectStreamsTest {
    private static final String CSV = """
            id,name,email,notes
            1,Maria Jones,maria.jones@example.com,"Called Maria on 2024-06-11, wrote to mj@mail.example.org"
            2,Ann Lee,ann.lee@example.com,SSN 295-78-1200 on file
            """;
    private static final String POLICY = """
            scan: {exclude_fields: [id]}
            protect:
              columns:
                - fields: [name]
                  operator: replace
                - fields: [email]
                  operator: mask
                  params: {keep: 4}
              entities:
                - entities: ["*"]
                  operator: replace
            """;

    @TempDir
    Path dir;

    /** An output held in memory that says whether it was committed and closed. */
    private static final class Memory implements ProtectOutput {
        final ByteArrayOutputStream data = new ByteArrayOutputStream();
        Manifest committed;
        boolean closed;

        @Override
        public String name() {
            return "memory.csv";
        }

        @Override
        public Pending open() {
            return new Pending() {
                @Override
                public OutputStream data() {
                    return data;
                }

                @Override
                public DataSource written() {
                    byte[] bytes = data.toByteArray();
                    return DataSource.stream(name(), () -> new ByteArrayInputStream(bytes));
                }

                @Override
                public void commit(Manifest manifest) {
                    committed = manifest;
                }

                @Override
                public void close() {
                    closed = true;
                }
            };
        }
    }

    private static ProtectJob job(String yaml) {
        Policy policy = PolicyLoader.parse(yaml.getBytes(UTF_8), "p.yaml");
        return new ProtectJob(policy, Analyzers.forPolicy(policy), OperatorFactory.unkeyed(Path.of("")), new TablePass());
    }

    @Test
    void streamInputIntoAnotherOutput_givesTheBytesOfTheFileRun() throws Exception {
        Path in = Files.writeString(dir.resolve("in.csv"), CSV);
        job(POLICY).run(new ProtectJob.Request(in, ReadOptions.defaults(), dir.resolve("out.csv"),
                dir.resolve("out.json"), 1));
        AtomicInteger opened = new AtomicInteger();
        Memory memory = new Memory();
        ProtectJob.Outcome o = job(POLICY).run(new ProtectJob.Request(DataSource.stream("upload.csv", () -> {
            opened.incrementAndGet();
            return new ByteArrayInputStream(CSV.getBytes(UTF_8));
        }), ReadOptions.defaults(), memory, 1));
        assertThat(o.passed()).isTrue();
        assertThat(memory.data.toByteArray()).isEqualTo(Files.readAllBytes(dir.resolve("out.csv")));
        assertThat(memory.committed).isSameAs(o.manifest());
        assertThat(memory.closed).isTrue();
        assertThat(o.manifest().input()).isEqualTo("upload.csv");
        assertThat(o.manifest().output()).isEqualTo("memory.csv");
        assertThat(o.manifest().inputSha256()).isEqualTo(DataSource.file(in).sha256());
        assertThat(opened.get()).as("rewrite and SHA-256; no table pass without shuffle or privacy").isEqualTo(2);
    }

    @Test
    void selfCheckFindingLeaks_neverCommitsTheOutput() {
        Memory memory = new Memory();
        ProtectJob.Outcome o = job("""
                protect:
                  entities:
                    - entities: [EMAIL_ADDRESS]
                      operator: replace
                      params: {text: "someone@example.com"}
                """).run(new ProtectJob.Request(DataSource.stream("upload.csv",
                () -> new ByteArrayInputStream(CSV.getBytes(UTF_8))), ReadOptions.defaults(), memory, 1));
        assertThat(o.passed()).isFalse();
        assertThat(memory.committed).isNull();
        assertThat(memory.closed).isTrue();
    }

    @Test
    void streamSource_findsTheFormatByName_andRefusesBinaryData() {
        byte[] binary = new byte[4096];
        for (int i = 0; i < binary.length; i++) binary[i] = (byte) (i * 7 + 3);
        Memory memory = new Memory();
        assertThatThrownBy(() -> job(POLICY).run(new ProtectJob.Request(DataSource.stream("upload.txt",
                () -> new ByteArrayInputStream(binary)), ReadOptions.defaults(), memory, 1)))
                .isInstanceOfSatisfying(WardenException.class,
                        e -> assertThat(e.code()).isEqualTo(ErrorCode.MALFORMED_INPUT));
        assertThat(memory.committed).isNull();
    }

    @Test
    void streamSource_thatCannotBeOpened_isNamedInTheError() {
        DataSource broken = DataSource.stream("gone.csv", () -> {
            throw new java.io.IOException("the blob store is away");
        });
        assertThatThrownBy(broken::sha256).hasMessage("cannot read gone.csv: the blob store is away");
    }
}
