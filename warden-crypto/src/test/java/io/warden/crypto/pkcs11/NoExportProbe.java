package io.warden.crypto.pkcs11;

import io.warden.core.WardenException;
import java.nio.file.Path;

/** Run in a child JVM started without the export Pkcs11Module needs: prints the error code and message. */
final class NoExportProbe {
    private NoExportProbe() {}

    public static void main(String[] args) {
        try {
            Pkcs11MasterKey.open(Pkcs11Login.of(Path.of(args[0]), "any-token", "1234".toCharArray()), "k");
            System.out.println("opened?");
        } catch (WardenException e) {
            System.out.println(e.code() + ": " + e.getMessage());
        }
    }
}
