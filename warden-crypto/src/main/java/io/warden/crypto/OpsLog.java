package io.warden.crypto;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.warden.core.ErrorCode;
import io.warden.core.WardenException;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Set;

/**
 * The local operations log of a keyring: one JSON line per key operation (create, rotate, add-dataset, config,
 * rewrap, destroy, seal, unseal), allowed or failed, hash-chained so that removing or editing a line is detected.
 *
 * <pre>{"seq":3,"time":"2026-11-22T10:15:30Z","op":"unseal","keyring":"3f9a0c1d2e4b5a69","dataset":"customers",
 * "key_version":2,"target":"/data/customers.sealed","actor":"alice","outcome":"ok",
 * "prev":"&lt;SHA-256 hex of line 2's bytes&gt;"}</pre>
 *
 * <p>{@code seq} counts from 1; {@code prev} of the first line is 64 zeros. Lines are appended under a file lock and
 * forced to disk before the operation they record takes effect: when a line cannot be written, the operation fails
 * (the log fails closed). It holds no key material and no data. The server's Merkle audit log builds on the same
 * records; this chain is what a single machine can offer without one.
 */
public final class OpsLog {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String ZERO = "0".repeat(64);
    private static final int MAX_LINE = 64 << 10;

    /** What one line records; null fields are left out. */
    public record Entry(String op, String keyringId, String dataset, Integer keyVersion, String target,
            boolean ok, ErrorCode error) {
        public Entry {
            requireNonNull(op, "op");
        }

        public static Entry ok(String op, String keyringId, String dataset, Integer keyVersion, String target) {
            return new Entry(op, keyringId, dataset, keyVersion, target, true, null);
        }

        public static Entry failed(String op, String keyringId, String dataset, String target, ErrorCode error) {
            return new Entry(op, keyringId, dataset, null, target, false, error);
        }
    }

    private final Path file;
    private final String actor;

    /** The log in {@code file}, recording {@code actor} (a user name) on each line. */
    public OpsLog(Path file, String actor) {
        this.file = requireNonNull(file, "file");
        this.actor = actor;
    }

    /** The log that belongs to {@code keyring}: {@code KEYRING.ops.jsonl} beside it, by the current OS user. */
    public static OpsLog beside(Path keyring) {
        return new OpsLog(keyring.resolveSibling(keyring.getFileName() + ".ops.jsonl"), System.getProperty("user.name"));
    }

    public Path file() {
        return file;
    }

    /**
     * Appends {@code entry} and forces it to disk.
     *
     * @throws WardenException OUTPUT_FAILED when it cannot (the caller must then not do the operation), or when the
     *     log's last line is incomplete
     */
    public void append(Entry entry) {
        try (FileChannel ch = open(); FileLock ignored = ch.lock()) {
            long size = ch.size();
            String last = lastLine(ch, size);
            long seq = 1;
            String prev = ZERO;
            if (last != null) {
                JsonNode node = JSON.readTree(last);
                seq = node.path("seq").asLong() + 1;
                prev = sha256(last);
            }
            byte[] line = (render(entry, seq, prev) + "\n").getBytes(StandardCharsets.UTF_8);
            ByteBuffer b = ByteBuffer.wrap(line);
            long at = size;
            while (b.hasRemaining()) at += ch.write(b, at);
            ch.force(true);
        } catch (JsonProcessingException e) {
            throw failed("its last line is not JSON (damaged?)");
        } catch (IOException e) {
            throw failed(Keyring.kind(e));
        }
    }

    /** Like {@link #append} but never throws: for recording failures, where the operation already did not happen. */
    public void appendQuietly(Entry entry) {
        try {
            append(entry);
        } catch (WardenException ignored) {
            // the failed operation is reported to the user anyway; a missing failure line is the lesser loss
        }
    }

    /**
     * Checks the whole chain: sequence numbers 1, 2, 3, ... and each {@code prev} the hash of the line before.
     * Returns the number of lines.
     *
     * @throws WardenException VERIFICATION_FAILED naming the first bad line; INPUT_NOT_FOUND when there is no log
     */
    public long verify() {
        long n = 0;
        String prev = ZERO;
        try (BufferedReader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            for (String line; (line = r.readLine()) != null; ) {
                n++;
                JsonNode node;
                try {
                    node = JSON.readTree(line);
                } catch (JsonProcessingException e) {
                    throw broken(n, "not JSON");
                }
                if (node == null || node.path("seq").asLong() != n) throw broken(n, "sequence number is not " + n);
                if (!prev.equals(node.path("prev").asText())) throw broken(n, "it does not chain to line " + (n - 1));
                prev = sha256(line);
            }
        } catch (NoSuchFileException e) {
            throw new WardenException(ErrorCode.INPUT_NOT_FOUND, "operations log " + file + " does not exist");
        } catch (IOException e) {
            throw new WardenException(ErrorCode.INPUT_NOT_FOUND, "cannot read operations log " + file + " ("
                    + Keyring.kind(e) + ")");
        }
        return n;
    }

    private String render(Entry e, long seq, String prev) {
        ObjectNode o = JSON.createObjectNode();
        o.put("seq", seq);
        o.put("time", Instant.now().toString());
        o.put("op", e.op());
        if (e.keyringId() != null) o.put("keyring", e.keyringId());
        if (e.dataset() != null) o.put("dataset", e.dataset());
        if (e.keyVersion() != null) o.put("key_version", e.keyVersion());
        if (e.target() != null) o.put("target", e.target());
        if (actor != null) o.put("actor", actor);
        o.put("outcome", e.ok() ? "ok" : "failed");
        if (e.error() != null) o.put("error", e.error().name());
        o.put("prev", prev);
        return o.toString();
    }

    private FileChannel open() throws IOException {
        var options = Set.of(StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE);
        boolean posix = file.toAbsolutePath().getFileSystem().supportedFileAttributeViews().contains("posix");
        return posix
                ? FileChannel.open(file, options, PosixFilePermissions.asFileAttribute(
                        PosixFilePermissions.fromString("rw-------")))
                : FileChannel.open(file, options);
    }

    /** The last line without its newline, or null for an empty log. */
    private String lastLine(FileChannel ch, long size) throws IOException {
        if (size == 0) return null;
        int len = (int) Math.min(size, MAX_LINE + 1L);
        ByteBuffer b = ByteBuffer.allocate(len);
        long from = size - len;
        while (b.hasRemaining()) {
            if (ch.read(b, from + b.position()) < 0) break;
        }
        byte[] tail = b.array();
        if (tail[len - 1] != '\n') throw failed("its last line is incomplete (damaged?)");
        int start = len - 2;
        while (start >= 0 && tail[start] != '\n') start--;
        if (start < 0 && from > 0) throw failed("its last line is longer than " + MAX_LINE + " bytes");
        return new String(tail, start + 1, len - 2 - start, StandardCharsets.UTF_8);
    }

    private WardenException failed(String why) {
        return new WardenException(ErrorCode.OUTPUT_FAILED, "cannot append to operations log " + file + ": " + why
                + "; the key operation was not done");
    }

    private WardenException broken(long line, String why) {
        return new WardenException(ErrorCode.VERIFICATION_FAILED, "operations log " + file + ": line " + line + ": "
                + why);
    }

    static String sha256(String line) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(line.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JDK", e);
        }
    }

    @Override
    public String toString() {
        return "OpsLog[" + file + "]";
    }
}
