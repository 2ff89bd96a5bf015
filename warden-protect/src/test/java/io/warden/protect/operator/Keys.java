package io.warden.protect.operator;

import com.google.crypto.tink.InsecureSecretKeyAccess;
import com.google.crypto.tink.prf.HmacPrfKey;
import io.warden.crypto.Keyring;
import java.util.HexFormat;

/** Test helpers around keyrings. */
final class Keys {
    private Keys() {}

    /** One keyring for a test class: generating is cheap, but sharing keeps tests about one key where they mean it. */
    static final Keyring KEYRING = Keyring.generate();

    /** Raw bytes of the primary PRF key (to check constructions against the JDK's HMAC). */
    static byte[] primaryPrfKey(Keyring keyring) {
        return ((HmacPrfKey) keyring.prfKeyset().getPrimary().getKey()).getKeyBytes()
                .toByteArray(InsecureSecretKeyAccess.get());
    }

    /** Hex and a fragment of it, for "never appears in toString or a message" checks. */
    static String primaryPrfKeyHex(Keyring keyring) {
        return HexFormat.of().formatHex(primaryPrfKey(keyring));
    }
}
