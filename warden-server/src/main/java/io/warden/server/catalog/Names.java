package io.warden.server.catalog;

import io.warden.core.ErrorCode;
import io.warden.core.WardenException;
import java.util.regex.Pattern;

/**
 * The names the server accepts for datasets, users and uploaded files: checked once at the edge, so no name can
 * reach a file path or a query as anything but a plain token.
 */
public final class Names {
    /** Datasets and users: lower-case letters, digits, '.', '_', '-'; starts with a letter or digit; at most 64. */
    private static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9._-]{0,63}");
    /** An uploaded file's name as recorded (never used as a path): printable, no separators, at most 255. */
    private static final Pattern FILE = Pattern.compile("[^/\\\\\\p{Cntrl}]{1,255}");

    private Names() {}

    public static String dataset(String name) {
        return check(name, "dataset name");
    }

    public static String user(String name) {
        return check(name, "user name");
    }

    /** A file name to record with a version; {@code .} and {@code ..} and anything with a separator are refused. */
    public static String file(String name) {
        if (name == null || !FILE.matcher(name).matches() || name.equals(".") || name.equals("..")) {
            throw new WardenException(ErrorCode.BAD_USAGE, "a file name must be 1-255 characters without '/', '\\' "
                    + "or control characters");
        }
        return name;
    }

    private static String check(String name, String what) {
        if (name == null || !NAME.matcher(name).matches()) {
            throw new WardenException(ErrorCode.BAD_USAGE, "a " + what + " is 1-64 characters of a-z, 0-9, '.', '_' "
                    + "and '-', starting with a letter or digit");
        }
        return name;
    }
}
