package io.warden.server.users;

import com.google.crypto.tink.InsecureSecretKeyAccess;
import com.google.crypto.tink.subtle.AesGcmJce;
import io.warden.core.ErrorCode;
import io.warden.core.WardenException;
import io.warden.crypto.Keyring;
import io.warden.server.identity.TotpSecret;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Base64;

/**
 * TOTP secrets at rest: encrypted with AES-256-GCM under a key derived from the server keyring (purpose
 * {@code warden-server/totp-secrets}), the user name as associated data, so a secret copied to another user's row
 * does not decrypt. Stored as {@code v1:<PRF key id>:<base64>}, so rotating the keyring's PRF keys leaves them readable.
 */
final class TotpSecrets {
    private static final String PURPOSE = "warden-server/totp-secrets";
    private final Keyring keyring;

    TotpSecrets(Keyring keyring) {
        this.keyring = keyring;
    }

    String seal(String user, TotpSecret secret) {
        int keyId = keyring.prfPrimaryKeyId();
        try {
            byte[] ct = aead(keyId).encrypt(secret.base32().getBytes(StandardCharsets.US_ASCII), ad(user));
            return "v1:" + Integer.toUnsignedString(keyId) + ":" + Base64.getEncoder().encodeToString(ct);
        } catch (GeneralSecurityException e) {
            throw new WardenException(ErrorCode.INTERNAL, "cannot encrypt a TOTP secret");
        }
    }

    TotpSecret open(String user, String stored) {
        String[] parts = stored == null ? new String[0] : stored.split(":", 3);
        if (parts.length != 3 || !parts[0].equals("v1")) {
            throw new WardenException(ErrorCode.INTERNAL, "the stored TOTP secret of " + user + " is not readable");
        }
        try {
            byte[] pt = aead(Integer.parseUnsignedInt(parts[1])).decrypt(Base64.getDecoder().decode(parts[2]), ad(user));
            return TotpSecret.fromBase32(new String(pt, StandardCharsets.US_ASCII));
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new WardenException(ErrorCode.INTERNAL, "the stored TOTP secret of " + user + " is not readable");
        }
    }

    private AesGcmJce aead(int prfKeyId) throws GeneralSecurityException {
        return new AesGcmJce(keyring.deriveKey(PURPOSE, 32, prfKeyId).toByteArray(InsecureSecretKeyAccess.get()));
    }

    private static byte[] ad(String user) {
        return ("warden-server/totp/" + user).getBytes(StandardCharsets.UTF_8);
    }
}
