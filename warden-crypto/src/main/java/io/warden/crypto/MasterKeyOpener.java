package io.warden.crypto;

import java.util.Map;

/**
 * Opens the master key a keyring file names, from the non-secret parameters the file stores for it (see
 * {@link MasterKey#parameters()}); whatever secret it needs (a passphrase, a PIN) the opener gets from its caller.
 *
 * <p>Readers of keyring files are given openers by provider name, explicitly: a file whose provider has no opener
 * is refused with a message naming the provider.
 */
@FunctionalInterface
public interface MasterKeyOpener {
    /**
     * The master key for these parameters (values are {@code String}, {@code Integer} or {@code Long}).
     *
     * @throws io.warden.core.WardenException BAD_KEY when the key cannot be had (no passphrase, wrong PIN, missing
     *     token); MALFORMED_INPUT when the parameters are not the provider's
     */
    MasterKey open(Map<String, Object> parameters);
}
