package io.warden.detect.names;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * The {@link Lexicon}'s finished word table, stored by the build as a resource next to this class so that a scan
 * does not parse Datafaker's YAML at start-up.
 *
 * <p>The build runs {@link #main} after compiling (see warden-detect's pom.xml), so the snapshot always comes from
 * the sources it was built with; LexiconSnapshotTest checks that it equals a fresh build. Format: the magic
 * {@code WLX1}, the entry count, then each key ({@link DataOutputStream#writeUTF}) and its flags.
 */
public final class LexiconSnapshot {
    static final String RESOURCE = "lexicon.snapshot";
    private static final int MAGIC = 0x574c5831; // "WLX1"

    private LexiconSnapshot() {}

    /** The snapshot shipped with the classes, or {@code null} when there is none. */
    static WordTable read() {
        try (InputStream in = LexiconSnapshot.class.getResourceAsStream(RESOURCE)) {
            return in == null ? null : WordTable.of(read(in));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the name dictionary snapshot", e);
        }
    }

    static Map<String, Integer> read(InputStream raw) throws IOException {
        var in = new DataInputStream(new BufferedInputStream(raw, 1 << 16));
        if (in.readInt() != MAGIC) throw new IOException("not a Warden lexicon snapshot");
        int n = in.readInt();
        if (n < 0 || n > 10_000_000) throw new IOException("bad entry count in lexicon snapshot");
        Map<String, Integer> entries = new HashMap<>(n * 2);
        for (int i = 0; i < n; i++) entries.put(in.readUTF(), in.readInt());
        return entries;
    }

    static void write(WordTable table, OutputStream raw) throws IOException {
        var entries = table.entries();
        var out = new DataOutputStream(new BufferedOutputStream(raw, 1 << 16));
        out.writeInt(MAGIC);
        out.writeInt(entries.size());
        for (var e : entries.entrySet()) {
            out.writeUTF(e.getKey());
            out.writeInt(e.getValue());
        }
        out.flush();
    }

    /** Build step: writes the snapshot built from the dictionaries to the file {@code args[0]}. */
    public static void main(String[] args) throws IOException {
        if (args.length != 1) throw new IllegalArgumentException("usage: LexiconSnapshot OUTPUT-FILE");
        Path target = Path.of(args[0]);
        Files.createDirectories(target.toAbsolutePath().getParent());
        Path tmp = target.resolveSibling(target.getFileName() + ".tmp");
        try (OutputStream out = Files.newOutputStream(tmp)) {
            write(Lexicon.buildFromSources(), out);
        }
        Files.move(tmp, target, java.nio.file.StandardCopyOption.REPLACE_EXISTING,
                java.nio.file.StandardCopyOption.ATOMIC_MOVE);
    }
}
