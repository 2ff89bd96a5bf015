package io.warden.crypto;

import com.google.crypto.tink.Aead;
import io.warden.core.ErrorCode;
import io.warden.core.WardenException;
import java.security.GeneralSecurityException;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;

/**
 * A master key derived from a passphrase with Argon2id ({@link PassphraseKek}): the keyring file stores the cost and
 * the salt, never the passphrase or the key.
 */
final class PassphraseMasterKey implements MasterKey {
    static final String PROVIDER = "passphrase-argon2id";

    private final PassphraseKek kdf;
    private final Aead aead;

    private PassphraseMasterKey(PassphraseKek kdf, Aead aead) {
        this.kdf = kdf;
        this.aead = aead;
    }

    /** A new master key from {@code passphrase} with OWASP's Argon2id cost and a fresh salt. */
    static PassphraseMasterKey create(Passphrase passphrase) {
        if (!passphrase.longEnough()) {
            throw new WardenException(ErrorCode.BAD_USAGE, "the passphrase must have at least "
                    + Passphrase.MIN_LENGTH + " characters");
        }
        return derive(PassphraseKek.fresh(), passphrase);
    }

    /** The opener for passphrase keyrings; {@code passphrase} is asked once, when a file needs it, and may give null. */
    static MasterKeyOpener opener(Supplier<Passphrase> passphrase) {
        return parameters -> {
            PassphraseKek kdf = kdf(parameters);
            Passphrase p = passphrase == null ? null : passphrase.get();
            if (p == null) throw new WardenException(ErrorCode.BAD_KEY, "it is protected by a passphrase, and none was given");
            return derive(kdf, p);
        };
    }

    private static PassphraseMasterKey derive(PassphraseKek kdf, Passphrase passphrase) {
        try {
            return new PassphraseMasterKey(kdf, kdf.aead(passphrase));
        } catch (GeneralSecurityException e) {
            throw new WardenException(ErrorCode.BAD_KEY, "cannot derive the key from the passphrase ("
                    + Keyring.kind(e) + ")");
        }
    }

    private static PassphraseKek kdf(Map<String, Object> p) {
        if (!"argon2id".equals(p.get("kdf"))) throw malformed("master.kdf is not argon2id");
        for (String f : new String[] {"argon2_version", "memory_kib", "iterations", "parallelism"}) {
            if (!(p.get(f) instanceof Integer)) throw malformed("master." + f + " is not a whole number");
        }
        if ((Integer) p.get("argon2_version") != 19) {
            throw new WardenException(ErrorCode.BAD_KEY, "its Argon2 version is not 0x13");
        }
        byte[] salt;
        try {
            salt = Base64.getDecoder().decode(String.valueOf(p.get("salt")));
        } catch (IllegalArgumentException e) {
            throw malformed("master.salt is not base64");
        }
        PassphraseKek kdf = new PassphraseKek((Integer) p.get("memory_kib"), (Integer) p.get("iterations"),
                (Integer) p.get("parallelism"), salt);
        String problem = kdf.check();
        if (problem != null) throw new WardenException(ErrorCode.BAD_KEY, problem);
        return kdf;
    }

    private static WardenException malformed(String why) {
        return new WardenException(ErrorCode.MALFORMED_INPUT, "not a Warden keyring (" + why + ")");
    }

    @Override
    public String provider() {
        return PROVIDER;
    }

    @Override
    public Map<String, Object> parameters() {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("kdf", "argon2id");
        p.put("argon2_version", 19);
        p.put("memory_kib", kdf.memoryKib());
        p.put("iterations", kdf.iterations());
        p.put("parallelism", kdf.parallelism());
        p.put("salt", Base64.getEncoder().encodeToString(kdf.salt()));
        return p;
    }

    @Override
    public Aead aead() {
        return aead;
    }

    @Override
    public String toString() {
        return "PassphraseMasterKey[" + kdf + "]";
    }
}
