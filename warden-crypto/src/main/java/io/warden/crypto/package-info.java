/** Keys and the keyed primitives built on them: the keyring (Tink keysets); later sealing and signatures. */
package io.warden.crypto;
