package io.warden.crypto.tlog;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/**
 * A process that appends to a Merkle log from several threads until it is killed, printing {@code <index> <entry>}
 * for every acknowledged append: for {@link MerkleLogCrashTest}.
 */
public final class MerkleLogChild {
    private MerkleLogChild() {}

    public static void main(String[] args) throws Exception {
        MerkleLog log = MerkleLog.open(Path.of(args[0]));
        String run = args[1];
        PrintStream out = new PrintStream(System.out, false, StandardCharsets.UTF_8);
        for (int t = 0; t < 8; t++) {
            int thread = t;
            Thread.ofPlatform().start(() -> {
                for (long i = 0; ; i++) {
                    String entry = run + "/" + thread + "/" + i + "/" + "x".repeat((int) (i % 700));
                    long index = log.append(entry.getBytes(StandardCharsets.UTF_8));
                    synchronized (out) {
                        out.println(index + " " + entry);
                        out.flush();
                    }
                }
            });
        }
    }
}
