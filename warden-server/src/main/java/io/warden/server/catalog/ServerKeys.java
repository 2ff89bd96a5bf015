package io.warden.server.catalog;

import io.warden.crypto.KeyOperations;
import io.warden.crypto.Keyring;
import io.warden.crypto.MasterKey;
import io.warden.crypto.MasterKeyOpener;
import io.warden.crypto.MasterKeys;
import io.warden.crypto.OpsLog;
import io.warden.crypto.Passphrase;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;

/**
 * The server's keyring ({@code DATA/keyring.json}): one data key per dataset, the tokenization keys, all under a
 * master key; every change goes through {@link KeyOperations}, so the operations log beside it records it, and the
 * server keeps the current keyring in memory.
 *
 * <p>With a passphrase the keyring is protected by it (Argon2id); without one the server makes an
 * <em>insecure-plaintext</em> keyring, for development, and says so at every start.
 */
public final class ServerKeys {
    private final KeyOperations operations;
    private final boolean insecure;
    private volatile Keyring current;

    private ServerKeys(KeyOperations operations, boolean insecure) {
        this.operations = operations;
        this.insecure = insecure;
        this.current = operations.read();
    }

    /** Opens the keyring in {@code dataDir}, creating it on first start under the passphrase or, if null, none. */
    public static ServerKeys open(Path dataDir, Passphrase passphrase) {
        Path file = dataDir.resolve("keyring.json");
        Map<String, MasterKeyOpener> openers = passphrase == null ? Map.of()
                : Map.of(MasterKeys.passphraseProvider(), MasterKeys.passphrase(() -> passphrase));
        KeyOperations ops = new KeyOperations(file, openers, new OpsLog(dataDir.resolve("keyring.ops.jsonl"), "server"),
                Clock.systemUTC());
        if (!Files.exists(file)) {
            MasterKey master = passphrase == null ? MasterKeys.insecurePlaintext() : MasterKeys.newPassphrase(passphrase);
            ops.create(master);
        }
        return new ServerKeys(ops, Keyring.isInsecurePlaintext(file));
    }

    /** The keyring as of the last change. */
    public Keyring keyring() {
        return current;
    }

    /** Whether the keyring's KEK lies in cleartext in its file (no master key). */
    public boolean insecure() {
        return insecure;
    }

    public Keyring addDataset(String dataset) {
        return changed(ops -> ops.addDataset(dataset));
    }

    public Keyring rotateDataset(String dataset) {
        return changed(ops -> ops.rotateDataset(dataset));
    }

    public Keyring destroy(String dataset) {
        return changed(ops -> ops.destroy(dataset));
    }

    private synchronized Keyring changed(java.util.function.Function<KeyOperations, Keyring> change) {
        current = change.apply(operations);
        return current;
    }

    @Override
    public String toString() {
        return "ServerKeys[" + operations.keyringFile() + (insecure ? ", insecure-plaintext" : "") + "]";
    }
}
