package io.warden.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.warden.core.ErrorCode;
import io.warden.core.WardenException;
import io.warden.crypto.seal.Sealer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OpsLogTest {
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-22T10:00:00Z"), ZoneOffset.UTC);

    @TempDir
    Path dir;

    @Test
    void everyKeyOperation_appendsAChainedLine_andFailuresToo() throws Exception {
        Path keyring = dir.resolve("k.json");
        KeyOperations ops = new KeyOperations(keyring, Map.of(), OpsLog.beside(keyring), CLOCK);
        ops.create(MasterKeys.insecurePlaintext());
        ops.addDataset("customers");
        Path in = Files.writeString(dir.resolve("data.csv"), "a,b\n1,2\n");
        ops.seal(in, dir.resolve("data.sealed"), "customers", null);
        ops.rotateDataset("customers");
        ops.rewrap(dir.resolve("data.sealed"));
        ops.setMinDecryptionVersion("customers", 2);
        ops.unseal(dir.resolve("data.sealed"), dir.resolve("back.csv"), Sealer.Expect.NOTHING);
        ops.rotate();
        ops.destroy("customers");
        assertThatThrownBy(() -> ops.unseal(dir.resolve("data.sealed"), dir.resolve("again.csv"), Sealer.Expect.NOTHING))
                .hasMessageContaining("was destroyed");

        List<JsonNode> lines = lines(ops.log().file());
        assertThat(lines).extracting(n -> n.get("op").asText()).containsExactly("create", "add-dataset", "seal",
                "rotate", "rewrap", "config", "unseal", "rotate", "destroy", "unseal");
        assertThat(lines).extracting(n -> n.get("outcome").asText()).containsExactly("ok", "ok", "ok", "ok", "ok",
                "ok", "ok", "ok", "ok", "failed");
        assertThat(lines.get(9).get("error").asText()).isEqualTo("BAD_KEY");
        assertThat(lines.get(4).get("key_version").asInt()).isEqualTo(2);
        assertThat(lines.get(2).get("keyring").asText()).isEqualTo(ops.read().id());
        assertThat(ops.log().verify()).isEqualTo(10);
        String text = Files.readString(ops.log().file());
        assertThat(text).doesNotContain("1,2").doesNotContain("encryptedKeyset");
    }

    @Test
    void editingRemovingOrReorderingLines_breaksTheChain() throws Exception {
        OpsLog log = new OpsLog(dir.resolve("ops.jsonl"), "alice");
        for (int i = 0; i < 4; i++) log.append(OpsLog.Entry.ok("rotate", "0123456789abcdef", "d" + i, 1, "k.json"));
        assertThat(log.verify()).isEqualTo(4);
        List<String> original = Files.readAllLines(log.file());

        List<String> edited = new ArrayList<>(original);
        edited.set(1, edited.get(1).replace("\"d1\"", "\"dX\""));
        assertBroken(edited, "line 3: it does not chain to line 2");
        List<String> removed = new ArrayList<>(original);
        removed.remove(1);
        assertBroken(removed, "line 2: sequence number is not 2");
        List<String> swapped = new ArrayList<>(original);
        Collections.swap(swapped, 1, 2);
        assertBroken(swapped, "line 2: sequence number is not 2");
        List<String> garbage = new ArrayList<>(original);
        garbage.set(3, "{not json");
        assertBroken(garbage, "line 4: not JSON");
    }

    @Test
    void anUnwritableLog_failsTheOperationClosed() throws Exception {
        Path keyring = dir.resolve("k.json");
        Keyring.generate().addDataset("customers", CLOCK.instant()).writeInsecurePlaintext(keyring);
        byte[] before = Files.readAllBytes(keyring);
        Path logDir = Files.createDirectory(dir.resolve("log-is-a-directory"));
        KeyOperations ops = new KeyOperations(keyring, Map.of(), new OpsLog(logDir, "bob"), CLOCK);
        assertThatThrownBy(ops::rotate).isInstanceOf(WardenException.class)
                .satisfies(e -> assertThat(((WardenException) e).code()).isEqualTo(ErrorCode.OUTPUT_FAILED))
                .hasMessageContaining("the key operation was not done");
        assertThat(Files.readAllBytes(keyring)).isEqualTo(before);
        Path in = Files.writeString(dir.resolve("in.txt"), "secret rows");
        assertThatThrownBy(() -> ops.seal(in, dir.resolve("in.sealed"), "customers", null))
                .hasMessageContaining("not done");
        assertThat(dir.resolve("in.sealed")).doesNotExist();

        KeyOperations logged = new KeyOperations(keyring, Map.of(), OpsLog.beside(keyring), CLOCK);
        logged.seal(in, dir.resolve("in.sealed"), "customers", null);
        KeyOperations unlogged = new KeyOperations(keyring, Map.of(), new OpsLog(logDir, "bob"), CLOCK);
        assertThatThrownBy(() -> unlogged.unseal(dir.resolve("in.sealed"), dir.resolve("out.txt"), Sealer.Expect.NOTHING))
                .hasMessageContaining("not done");
        assertThat(dir.resolve("out.txt")).doesNotExist();
    }

    @Test
    void aDamagedLastLine_refusesToAppend() throws Exception {
        OpsLog log = new OpsLog(dir.resolve("ops.jsonl"), null);
        log.append(OpsLog.Entry.ok("create", null, null, null, "k"));
        Files.writeString(log.file(), "{\"seq\":2,\"op\":\"rot", java.nio.file.StandardOpenOption.APPEND);
        assertThatThrownBy(() -> log.append(OpsLog.Entry.ok("rotate", null, null, null, "k")))
                .hasMessageContaining("its last line is incomplete");
        assertThatThrownBy(() -> new OpsLog(dir.resolve("none.jsonl"), null).verify())
                .satisfies(e -> assertThat(((WardenException) e).code()).isEqualTo(ErrorCode.INPUT_NOT_FOUND));
    }

    private void assertBroken(List<String> lines, String message) throws Exception {
        Path f = Files.write(dir.resolve("broken.jsonl"), lines, StandardCharsets.UTF_8);
        assertThatThrownBy(() -> new OpsLog(f, null).verify()).isInstanceOf(WardenException.class)
                .satisfies(e -> assertThat(((WardenException) e).code()).isEqualTo(ErrorCode.VERIFICATION_FAILED))
                .hasMessageContaining(message);
    }

    private static List<JsonNode> lines(Path file) throws Exception {
        ObjectMapper json = new ObjectMapper();
        List<JsonNode> out = new ArrayList<>();
        for (String line : Files.readAllLines(file)) out.add(json.readTree(line));
        return out;
    }
}
