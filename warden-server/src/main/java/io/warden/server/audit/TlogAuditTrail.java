package io.warden.server.audit;

import io.warden.core.AtomicFile;
import io.warden.core.ErrorCode;
import io.warden.core.WardenException;
import io.warden.crypto.tlog.Checkpoint;
import io.warden.crypto.tlog.MerkleLog;
import io.warden.crypto.tlog.NoteSigner;
import io.warden.crypto.tlog.NoteVerifier;
import io.warden.crypto.tlog.TreeHead;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The audit trail on a {@link MerkleLog} ({@code DATA/audit/log}): every event is a leaf, appended durably (group
 * commit) before its request is answered. Signed checkpoints in the C2SP tlog-checkpoint format are made on demand
 * with the server's Ed25519 note key ({@code DATA/audit/checkpoint.key}, owner-only) and the latest one is kept in
 * {@code DATA/audit/checkpoint}, so {@code warden audit verify} can check the log offline.
 */
public final class TlogAuditTrail implements AuditTrail {
    private final MerkleLog log;
    private final NoteSigner signer;
    private final String origin;
    private final Path checkpointFile;

    private TlogAuditTrail(MerkleLog log, NoteSigner signer, String origin, Path checkpointFile) {
        this.log = log;
        this.signer = signer;
        this.origin = origin;
        this.checkpointFile = checkpointFile;
    }

    /** The name of the audit log of the server whose keyring is {@code keyringId}: its checkpoints' origin. */
    public static String origin(String keyringId) {
        return "warden-audit/" + keyringId;
    }

    /** Opens (making on first use) the audit log and its note key in {@code dir}; {@code origin} names the log. */
    public static TlogAuditTrail open(Path dir, String origin) {
        try {
            Files.createDirectories(dir);
        } catch (java.io.IOException e) {
            throw new WardenException(ErrorCode.UNAVAILABLE, "cannot create the audit directory " + dir);
        }
        Path keyFile = dir.resolve("checkpoint.key");
        NoteSigner signer;
        if (Files.exists(keyFile)) {
            signer = NoteSigner.read(keyFile);
        } else {
            signer = NoteSigner.generate(origin);
            signer.writeTo(keyFile);
        }
        MerkleLog log = MerkleLog.open(dir.resolve("log"));
        return new TlogAuditTrail(log, signer, origin, dir.resolve("checkpoint"));
    }

    @Override
    public long append(AuditEvent event) {
        try {
            return log.append(event.encode());
        } catch (WardenException e) {
            throw new WardenException(ErrorCode.UNAVAILABLE, "audit log write failed (" + e.getMessage() + ")", e);
        }
    }

    public long size() {
        return log.size();
    }

    /** A signed checkpoint of the log as it is now, also kept as the latest in {@code DATA/audit/checkpoint}. */
    public synchronized byte[] checkpoint() {
        TreeHead head = log.treeHead();
        byte[] note = Checkpoint.of(origin, head).sign(signer);
        AtomicFile.write(checkpointFile, note);
        return note;
    }

    /** The key that verifies checkpoints, in the signed-note vkey form. */
    public NoteVerifier verifier() {
        return signer.verifier();
    }

    public List<byte[]> inclusionProof(long index, long size) {
        return log.inclusionProof(index, size);
    }

    public List<byte[]> consistencyProof(long size1, long size2) {
        return log.consistencyProof(size1, size2);
    }

    public byte[] leafHash(long index) {
        return log.leafHash(index);
    }

    public Path directory() {
        return log.directory();
    }

    @Override
    public void close() {
        log.close();
    }

    @Override
    public String toString() {
        return "TlogAuditTrail[" + origin + ", " + log.directory() + "]";
    }
}
