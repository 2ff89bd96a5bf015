package io.warden.core.io;

import io.warden.core.ErrorCode;
import io.warden.core.WardenException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** SHA-256 of files and streams, as manifests and release files record them (lowercase hex). */
public final class FileDigest {
    private FileDigest() {}

    /** A new SHA-256 digest. */
    public static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every Java platform", e);
        }
    }

    /** The SHA-256 of {@code bytes} in lowercase hex. */
    public static String sha256Hex(byte[] bytes) {
        return HexFormat.of().formatHex(sha256().digest(bytes));
    }

    /** The SHA-256 of {@code file}'s bytes in lowercase hex. */
    public static String sha256Hex(Path file) {
        MessageDigest md = sha256();
        try (InputStream in = Files.newInputStream(file)) {
            byte[] buf = new byte[1 << 16];
            int n;
            while ((n = in.read(buf)) > 0) md.update(buf, 0, n);
        } catch (IOException e) {
            throw new WardenException(ErrorCode.INPUT_NOT_FOUND, "cannot read " + file + ": " + e.getMessage());
        }
        return HexFormat.of().formatHex(md.digest());
    }
}
