package io.warden.crypto.tlog;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.warden.core.ErrorCode;
import io.warden.core.WardenException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MerkleLogVerifierTest {
    private static final String ORIGIN = "audit.example.com/warden";
    private static final NoteSigner KEY = NoteSigner.generate(ORIGIN);

    @TempDir
    Path tmp;
    private Path dir;
    private byte[] at60;
    private byte[] at100;

    @BeforeEach
    void aLogWithTwoCheckpoints() {
        dir = tmp.resolve("log");
        try (MerkleLog log = MerkleLog.open(dir)) {
            for (int i = 0; i < 100; i++) {
                log.append(("request " + i).getBytes(UTF_8));
                if (log.size() == 60) at60 = Checkpoint.of(ORIGIN, log.treeHead()).sign(KEY);
            }
            at100 = Checkpoint.of(ORIGIN, log.treeHead()).sign(KEY);
        }
    }

    @Test
    void anIntactLog_verifiesAgainstEachCheckpoint_andTheyAreConsistent() throws Exception {
        MerkleLogVerifier.Result r = MerkleLogVerifier.verify(dir, at60, KEY.verifier());
        assertThat(r).isEqualTo(new MerkleLogVerifier.Result(Checkpoint.open(at60, KEY.verifier()), 60, -1, null));
        assertThat(r.ok()).isTrue();
        assertThat(MerkleLogVerifier.verify(dir, at100, KEY.verifier()).ok()).isTrue();
        assertThat(MerkleLogVerifier.verify(LogTamper.entries(dir).iterator(), at100, KEY.verifier()).ok()).isTrue();
        assertThat(MerkleLogVerifier.verifyConsistency(dir, at60, at100, KEY.verifier()).ok()).isTrue();
        assertThat(MerkleLogVerifier.verifyConsistency(dir, at100, at100, KEY.verifier()).ok()).isTrue();
        List<byte[]> proof;
        try (MerkleLog log = MerkleLog.open(dir)) {
            proof = log.consistencyProof(60, 100);
            // a live log can be checked while it is open for appending
            assertThat(MerkleLogVerifier.verify(dir, at100, KEY.verifier()).ok()).isTrue();
        }
        assertThat(MerkleLogVerifier.verifyConsistency(at60, at100, proof, KEY.verifier()).ok()).isTrue();
        byte[] empty = Checkpoint.of(ORIGIN, new TreeHead(0, MerkleHashes.emptyRoot())).sign(KEY);
        assertThat(MerkleLogVerifier.verifyConsistency(dir, empty, at60, KEY.verifier()).ok()).isTrue();
    }

    @Test
    void anAlteredEntry_isNamed() throws Exception {
        LogTamper.alterEntry(dir, 70, true);
        // an altered entry past a checkpoint does not matter to it
        assertThat(MerkleLogVerifier.verify(dir, at60, KEY.verifier()).ok()).isTrue();
        assertThat(MerkleLogVerifier.verify(dir, at100, KEY.verifier()).firstBadEntry()).isEqualTo(70);

        LogTamper.alterEntry(dir, 17, true);
        MerkleLogVerifier.Result r = MerkleLogVerifier.verify(dir, at100, KEY.verifier());
        assertThat(r.ok()).isFalse();
        assertThat(r.firstBadEntry()).isEqualTo(17);
        assertThat(r.problem()).isEqualTo("the first 100 entries do not hash to the checkpoint's root; entry 17 is the "
                + "first that differs from the hashes the log stored");
        assertThat(MerkleLogVerifier.verify(LogTamper.entries(dir).iterator(), at100, KEY.verifier()).problem())
                .isEqualTo("the first 100 entries do not hash to the checkpoint's root");

        LogTamper.alterEntry(dir, 5, false);
        r = MerkleLogVerifier.verify(dir, at100, KEY.verifier());
        assertThat(r.firstBadEntry()).isEqualTo(5);
        assertThat(r.problem()).startsWith("entry 5 (byte offset ").endsWith("is damaged: its checksum does not match");
    }

    @Test
    void aLogRewrittenWholesale_failsWithoutAnIndex() throws Exception {
        LogTamper.alterEntry(dir, 17, true);
        LogTamper.rewriteHashes(dir);
        MerkleLogVerifier.Result r = MerkleLogVerifier.verify(dir, at100, KEY.verifier());
        assertThat(r.firstBadEntry()).isEqualTo(-1);
        assertThat(r.problem()).contains("though they agree with the log's own hashes: the log was rewritten");
        assertThat(MerkleLogVerifier.verify(dir, at60, KEY.verifier()).ok()).isFalse();
        // the rewritten log's own head at 100 does not extend the checkpoint at 60
        try (MerkleLog log = MerkleLog.open(dir)) {
            byte[] forged = Checkpoint.of(ORIGIN, log.treeHead()).sign(KEY);
            MerkleLogVerifier.Result c = MerkleLogVerifier.verifyConsistency(dir, at60, forged, KEY.verifier());
            assertThat(c.ok()).isFalse();
            assertThat(c.problem()).startsWith("the newer checkpoint (size 100) does not extend the older (size 60): "
                    + "the consistency proof does not lead to the older root");
        }
    }

    @Test
    void aTruncatedLog_failsAtTheFirstMissingEntry() throws Exception {
        LogTamper.truncate(LogTamper.entriesFile(dir), LogTamper.records(dir).get(80).offset());
        MerkleLogVerifier.Result r = MerkleLogVerifier.verify(dir, at100, KEY.verifier());
        assertThat(r).isEqualTo(new MerkleLogVerifier.Result(Checkpoint.open(at100, KEY.verifier()), 80, 80,
                "the log holds 80 entries but the checkpoint covers 100"));
        assertThat(MerkleLogVerifier.verify(LogTamper.entries(dir).iterator(), at100, KEY.verifier()).firstBadEntry())
                .isEqualTo(80);
        assertThat(MerkleLogVerifier.verify(dir, at60, KEY.verifier()).ok()).isTrue();
        LogTamper.truncate(LogTamper.hashesFile(dir), 8 + 32 * 50);
        assertThat(MerkleLogVerifier.verifyConsistency(dir, at60, at100, KEY.verifier()).problem())
                .contains("no consistency proof can be computed");
    }

    @Test
    void aCheckpointNotSignedByTheKey_failsWithoutReadingTheLog() throws Exception {
        NoteSigner other = NoteSigner.generate(ORIGIN);
        MerkleLogVerifier.Result r = MerkleLogVerifier.verify(tmp.resolve("absent"), at100, other.verifier());
        assertThat(r.ok()).isFalse();
        assertThat(r.checkpoint()).isNull();
        assertThat(r.problem()).startsWith("signed note: no signature by a known key");
        String tampered = new String(at100, UTF_8).replace("\n100\n", "\n99\n");
        assertThat(MerkleLogVerifier.verify(dir, tampered.getBytes(UTF_8), KEY.verifier()).problem())
                .startsWith("signed note: invalid signature for key " + ORIGIN + "+");
        assertThat(MerkleLogVerifier.verifyConsistency(at60, at100, List.of(), other.verifier()).ok()).isFalse();
    }

    @Test
    void inputsThatCannotBeChecked_throwOneLineErrors() throws Exception {
        assertThatThrownBy(() -> MerkleLogVerifier.verify(dir, "not a note".getBytes(UTF_8), KEY.verifier()))
                .satisfies(e -> assertThat(((WardenException) e).code()).isEqualTo(ErrorCode.MALFORMED_INPUT));
        assertThatThrownBy(() -> MerkleLogVerifier.verify(tmp.resolve("absent"), at100, KEY.verifier()))
                .satisfies(e -> assertThat(((WardenException) e).code()).isEqualTo(ErrorCode.INPUT_NOT_FOUND))
                .hasMessage("Merkle log " + tmp.resolve("absent") + " does not exist");
        Files.delete(LogTamper.hashesFile(dir));
        assertThatThrownBy(() -> MerkleLogVerifier.verify(dir, at100, KEY.verifier()))
                .satisfies(e -> assertThat(((WardenException) e).code()).isEqualTo(ErrorCode.INPUT_NOT_FOUND))
                .hasMessageContaining("has no file");
        Files.write(LogTamper.hashesFile(dir), "garbage!".getBytes(UTF_8));
        assertThatThrownBy(() -> MerkleLogVerifier.verify(dir, at100, KEY.verifier()))
                .satisfies(e -> assertThat(((WardenException) e).code()).isEqualTo(ErrorCode.MALFORMED_INPUT));
    }
}
