package io.warden.server.identity;

/** What a bearer {@link Token} is for, told by its prefix so that secret scanners can recognise leaked ones. */
public enum TokenKind {
    /** A long-lived token a service uses against the API: {@code wdn_...}. */
    API("wdn_"),
    /** A browser or CLI session after login: {@code wds_...}. */
    SESSION("wds_");

    private final String prefix;

    TokenKind(String prefix) {
        this.prefix = prefix;
    }

    /** The four characters every token of this kind starts with. */
    public String prefix() {
        return prefix;
    }
}
