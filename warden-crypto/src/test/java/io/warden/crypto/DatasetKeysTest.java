package io.warden.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.warden.core.ErrorCode;
import io.warden.core.WardenException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DatasetKeysTest {
    private static final Instant T1 = Instant.parse("2026-11-22T10:00:00Z");
    private static final Instant T2 = Instant.parse("2026-11-23T10:00:00Z");
    private static final Passphrase PASS = Passphrase.of("correct horse battery staple".toCharArray());

    @TempDir
    Path dir;

    @Test
    void datasetKeys_surviveTheFile_withVersionsMinimumAndDestruction() {
        Keyring k = Keyring.generate().addDataset("customers", T1).rotateDataset("customers", T2)
                .withMinDecryptionVersion("customers", 2).addDataset("old", T1).destroyDataset("old", T2);
        Path f = dir.resolve("k.json");
        k.writeWithPassphrase(f, PASS);
        Keyring back = Keyring.read(f, () -> PASS);
        DatasetKey c = back.dataset("customers");
        assertThat(c.versions()).extracting(DatasetKey.Version::number).containsExactly(1, 2);
        assertThat(c.versions()).extracting(DatasetKey.Version::keyId)
                .containsExactlyElementsOf(k.dataset("customers").versions().stream().map(DatasetKey.Version::keyId).toList());
        assertThat(c.primary().created()).isEqualTo(T2);
        assertThat(c.minDecryptionVersion()).isEqualTo(2);
        assertThat(back.dataset("old").destroyed()).isTrue();
        assertThat(back.dataset("old").destroyedAt()).isEqualTo(T2);
        assertThat(back.datasets().keySet()).containsExactly("customers", "old");
        assertThat(c.toString()).isEqualTo("DatasetKey[customers, 2 version(s), min 2]");
    }

    @Test
    void destroyedKeys_leaveNoKeyMaterialInTheFile() throws Exception {
        Keyring k = Keyring.generate().addDataset("gone", T1).destroyDataset("gone", T2);
        Path f = dir.resolve("k.json");
        k.writeInsecurePlaintext(f);
        var node = new ObjectMapper().readTree(f.toFile()).get("datasets").get("gone");
        assertThat(node.has("keyset")).isFalse();
        assertThat(node.get("destroyed").asText()).isEqualTo("2026-11-23T10:00:00Z");
        assertThatThrownBy(() -> Keyring.readInsecurePlaintext(f).rotateDataset("gone", T2))
                .hasMessageContaining("was destroyed on 2026-11-23T10:00:00Z");
    }

    @Test
    void editingTheMinimumOrVersionsInTheFile_isDetected() throws Exception {
        Keyring k = Keyring.generate().addDataset("customers", T1).rotateDataset("customers", T2)
                .withMinDecryptionVersion("customers", 2);
        Path f = dir.resolve("k.json");
        k.writeInsecurePlaintext(f);
        ObjectMapper json = new ObjectMapper();
        ObjectNode root = (ObjectNode) json.readTree(f.toFile());
        ((ObjectNode) root.get("datasets").get("customers")).put("min_decryption_version", 1);
        Path lowered = dir.resolve("lowered.json");
        json.writeValue(lowered.toFile(), root);
        assertThatThrownBy(() -> Keyring.readInsecurePlaintext(lowered)).isInstanceOf(WardenException.class)
                .hasMessageContaining("dataset customers: its key was altered");

        ObjectNode dropped = (ObjectNode) json.readTree(f.toFile());
        ((com.fasterxml.jackson.databind.node.ArrayNode) dropped.get("datasets").get("customers").get("versions")).remove(0);
        Path d = dir.resolve("dropped.json");
        json.writeValue(d.toFile(), dropped);
        assertThatThrownBy(() -> Keyring.readInsecurePlaintext(d)).hasMessageContaining("inconsistent versions");

        ObjectNode moved = (ObjectNode) json.readTree(f.toFile());
        ObjectNode ds = (ObjectNode) moved.get("datasets");
        ds.set("vendors", ds.get("customers"));
        ds.remove("customers");
        Path m = dir.resolve("moved.json");
        json.writeValue(m.toFile(), moved);
        assertThatThrownBy(() -> Keyring.readInsecurePlaintext(m)).hasMessageContaining("dataset vendors: its key was altered");
    }

    @Test
    void badDatasetIds_versions_andDuplicates_areRefused() {
        Keyring k = Keyring.generate().addDataset("a", T1);
        for (String bad : new String[] {"", "-x", "a/b", "a b", "x".repeat(129), "é"}) {
            assertThatThrownBy(() -> k.addDataset(bad, T1)).as(bad).isInstanceOf(WardenException.class)
                    .satisfies(e -> assertThat(((WardenException) e).code()).isEqualTo(ErrorCode.BAD_USAGE));
        }
        assertThatThrownBy(() -> k.addDataset("a", T1)).hasMessage("dataset a already has a key");
        assertThatThrownBy(() -> k.withMinDecryptionVersion("a", 2))
                .hasMessageContaining("must be between 1 and the latest version, 1");
        assertThatThrownBy(() -> k.withMinDecryptionVersion("a", 0)).isInstanceOf(WardenException.class);
        assertThatThrownBy(() -> k.dataset("nope")).hasMessageContaining("has no key for dataset nope");
    }

    @Test
    void update_isAtomicAndKeepsTheMasterKey_andConcurrentUpdatesLoseNothing() throws Exception {
        Path f = dir.resolve("k.json");
        Keyring.create(f, MasterKeys.newPassphrase(PASS));
        Map<String, MasterKeyOpener> openers = Map.of(MasterKeys.passphraseProvider(), MasterKeys.passphrase(() -> PASS));
        String salt = new ObjectMapper().readTree(f.toFile()).get("master").get("salt").asText();
        Thread[] threads = new Thread[4];
        for (int t = 0; t < threads.length; t++) {
            String id = "d" + t;
            threads[t] = Thread.ofPlatform().start(() -> Keyring.update(f, openers, k -> k.addDataset(id, T1)));
        }
        for (Thread t : threads) t.join();
        Keyring back = Keyring.read(f, () -> PASS);
        assertThat(back.datasets().keySet()).containsExactly("d0", "d1", "d2", "d3");
        assertThat(new ObjectMapper().readTree(f.toFile()).get("master").get("salt").asText()).isEqualTo(salt);
        assertThatThrownBy(() -> Keyring.create(f, MasterKeys.insecurePlaintext()))
                .hasMessageContaining("exists; a keyring is never overwritten");
        assertThat(Keyring.read(f, () -> PASS).id()).isEqualTo(back.id());
    }
}
