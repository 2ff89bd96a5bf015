package io.warden.crypto;

import static java.util.Objects.requireNonNull;

import io.warden.core.WardenException;
import io.warden.crypto.seal.SealHeader;
import io.warden.crypto.seal.Sealer;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;

/**
 * Every key operation on one keyring file, each recorded in its {@link OpsLog}: create, rotate, add-dataset, config
 * (minimum decryption version), destroy, seal, unseal and rewrap.
 *
 * <p>The log line of a successful operation is forced to disk before the operation takes effect (before the new
 * keyring or the output file is renamed into place); if it cannot be written, nothing changes. Failed operations are
 * recorded too, with their error code, as far as the log can be written. The CLI and the server both go through
 * here, so the log sees the same operations whichever face was used.
 */
public final class KeyOperations {
    private final Path keyringFile;
    private final Map<String, MasterKeyOpener> openers;
    private final OpsLog log;
    private final Clock clock;

    /**
     * Operations on {@code keyringFile}, opening its master key with {@code openers} and logging to {@code log}.
     */
    public KeyOperations(Path keyringFile, Map<String, MasterKeyOpener> openers, OpsLog log, Clock clock) {
        this.keyringFile = requireNonNull(keyringFile, "keyringFile");
        this.openers = Map.copyOf(openers);
        this.log = requireNonNull(log, "log");
        this.clock = requireNonNull(clock, "clock");
    }

    public Path keyringFile() {
        return keyringFile;
    }

    public OpsLog log() {
        return log;
    }

    /** Reads the keyring (no log line: reading alone uses no key). */
    public Keyring read() {
        return Keyring.read(keyringFile, openers);
    }

    /** Creates the keyring file under {@code master}; never overwrites. */
    public Keyring create(MasterKey master) {
        return logged("create", null, keyringFile, () -> KeyringFile.create(keyringFile, master,
                k -> log.append(OpsLog.Entry.ok("create", k.id(), null, null, keyringFile.toString()))));
    }

    /** New primary tokenization keys and a new KEK (see {@link Keyring#rotate()}). */
    public Keyring rotate() {
        return update("rotate", null, Keyring::rotate);
    }

    /** A new key for {@code dataset}. */
    public Keyring addDataset(String dataset) {
        return update("add-dataset", dataset, k -> k.addDataset(dataset, clock.instant()));
    }

    /** A new version of {@code dataset}'s key. */
    public Keyring rotateDataset(String dataset) {
        return update("rotate", dataset, k -> k.rotateDataset(dataset, clock.instant()));
    }

    /** Sets {@code dataset}'s minimum decryption version. */
    public Keyring setMinDecryptionVersion(String dataset, int min) {
        return update("config", dataset, k -> k.withMinDecryptionVersion(dataset, min));
    }

    /** Destroys {@code dataset}'s key material: what it sealed can never be opened again. */
    public Keyring destroy(String dataset) {
        return update("destroy", dataset, k -> k.destroyDataset(dataset, clock.instant()));
    }

    /** Seals {@code input} into {@code output} under {@code dataset}'s newest key version. */
    public SealHeader seal(Path input, Path output, String dataset, byte[] manifestDigest) {
        return logged("seal", dataset, input, () -> Sealer.seal(input, output, read(), dataset, manifestDigest,
                h -> log.append(entry("seal", h, output))));
    }

    /** Opens {@code input} into {@code output}. */
    public SealHeader unseal(Path input, Path output, Sealer.Expect expect) {
        return logged("unseal", expect.dataset(), input, () -> Sealer.unseal(input, output, read(), expect,
                h -> log.append(entry("unseal", h, input))));
    }

    /** Moves {@code file} to its dataset's newest key version, in place. */
    public SealHeader rewrap(Path file) {
        return logged("rewrap", null, file, () -> Sealer.rewrap(file, read(),
                h -> log.append(entry("rewrap", h, file))));
    }

    private Keyring update(String op, String dataset, UnaryOperator<Keyring> change) {
        return logged(op, dataset, keyringFile, () -> KeyringFile.update(keyringFile, openers, change,
                k -> log.append(OpsLog.Entry.ok(op, k.id(), dataset,
                        dataset == null ? null : k.dataset(dataset).primary().number(), keyringFile.toString())))
                .keyring());
    }

    private static OpsLog.Entry entry(String op, SealHeader h, Path target) {
        return OpsLog.Entry.ok(op, h.keyringId(), h.dataset(), h.keyVersion(), target.toString());
    }

    private <T> T logged(String op, String dataset, Path target, Supplier<T> action) {
        try {
            return action.get();
        } catch (WardenException e) {
            log.appendQuietly(OpsLog.Entry.failed(op, null, dataset, target.toString(), e.code()));
            throw e;
        }
    }

    @Override
    public String toString() {
        return "KeyOperations[" + keyringFile + "]";
    }
}
