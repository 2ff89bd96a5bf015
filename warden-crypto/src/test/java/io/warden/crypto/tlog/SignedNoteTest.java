package io.warden.crypto.tlog;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.warden.core.ErrorCode;
import io.warden.core.WardenException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Signed notes against the published example of Go's {@code golang.org/x/mod/sumdb/note} (note.go's package
 * documentation and note_test.go) and C2SP's {@code signed-note} example, plus the strictness of the format.
 */
class SignedNoteTest {
    private static final String PETER_VKEY = "PeterNeumann+c74f20a3+ARpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TW";
    private static final String PETER_SKEY =
            "PRIVATE+KEY+PeterNeumann+c74f20a3+AYEKFALVFGyNhPJEMzD1QIDr+Y7hfZx09iUvxdXHKDFz";
    private static final String ENOCH_VKEY = "EnochRoot+af0cfe78+ATtqJ7zOtqQtYqOo0CpvDXNlMhV3HeJDpjrASKGLWdop";
    private static final String TEXT = "If you think cryptography is the answer to your problem,\n"
            + "then you don't know what your problem is.\n";
    private static final String PETER_SIG = "— PeterNeumann x08go/ZJkuBS9UG/SffcvIAQxVBtiFupLLr8pAcElZInNIuGUgYN1FFYC2pZSNXgKvqfqdngotpRZb6KE6RyyBwJnAM=\n";
    private static final String ENOCH_SIG = "— EnochRoot rwz+eBzmZa0SO3NbfRGzPCpDckykFXSdeX+MNtCOXm2/5n2tiOHp+vAF1aGrQ5ovTG01oOTGwnWLox33WWd1RvMc+QQ=\n";

    private static final NoteVerifier PETER = NoteVerifier.parse(PETER_VKEY);
    private static final NoteVerifier ENOCH = NoteVerifier.parse(ENOCH_VKEY);

    @TempDir
    Path tmp;

    @Test
    void goExample_keysParse_andSigningGivesGosNoteByteForByte() {
        NoteSigner peter = NoteSigner.parse(PETER_SKEY);
        assertThat(peter.name()).isEqualTo("PeterNeumann");
        assertThat(peter.keyId()).isEqualTo(0xc74f20a3);
        assertThat(peter.verifier()).isEqualTo(PETER);
        assertThat(PETER.vkey()).isEqualTo(PETER_VKEY);
        assertThat(ENOCH.keyId()).isEqualTo(0xaf0cfe78);
        assertThat(new String(SignedNote.sign(TEXT, List.of(peter)), UTF_8)).isEqualTo(TEXT + "\n" + PETER_SIG);
    }

    @Test
    void goExample_opens_ignoringUnknownKeys_andDuplicates() {
        assertThat(SignedNote.open(note(TEXT + "\n" + PETER_SIG), List.of(PETER))).isEqualTo(TEXT);
        assertThat(SignedNote.open(note(TEXT + "\n" + PETER_SIG + ENOCH_SIG), List.of(PETER))).isEqualTo(TEXT);
        assertThat(SignedNote.open(note(TEXT + "\n" + PETER_SIG + ENOCH_SIG), List.of(PETER, ENOCH))).isEqualTo(TEXT);
        assertThat(SignedNote.open(note(TEXT + "\n" + ENOCH_SIG + PETER_SIG + PETER_SIG), List.of(ENOCH, PETER, ENOCH)))
                .isEqualTo(TEXT);
        assertThat(SignedNote.open(note(TEXT + "\n" + PETER_SIG.repeat(SignedNote.MAX_SIGNATURES)), List.of(PETER)))
                .isEqualTo(TEXT);
    }

    @Test
    void aNoteWithoutAKnownSignature_orWithABadOne_isRejected() {
        fails(note(TEXT + "\n" + PETER_SIG + ENOCH_SIG), List.of(), ErrorCode.VERIFICATION_FAILED,
                "signed note: no signature by a known key (signed by PeterNeumann+c74f20a3, EnochRoot+af0cfe78)");
        fails(note(TEXT + "\n" + ENOCH_SIG), List.of(PETER), ErrorCode.VERIFICATION_FAILED, "no signature by a known key");
        fails(note(TEXT + "\n" + PETER_SIG.substring(0, 60) + "ABCD" + PETER_SIG.substring(60)), List.of(PETER),
                ErrorCode.VERIFICATION_FAILED, "signed note: invalid signature for key PeterNeumann+c74f20a3");
        fails(note(TEXT.replace("problem,", "problem;") + "\n" + PETER_SIG), List.of(PETER),
                ErrorCode.VERIFICATION_FAILED, "invalid signature for key PeterNeumann+c74f20a3");
        // a known key's bad signature rejects the note even beside a good one
        fails(note(TEXT + "\n" + PETER_SIG + ENOCH_SIG.substring(0, 60) + "ABCD" + ENOCH_SIG.substring(60)),
                List.of(PETER, ENOCH), ErrorCode.VERIFICATION_FAILED, "invalid signature for key EnochRoot+af0cfe78");
        // same name, other key (so another key ID): unknown, hence ignored
        NoteVerifier impostor = NoteSigner.generate("PeterNeumann").verifier();
        fails(note(TEXT + "\n" + PETER_SIG), List.of(impostor), ErrorCode.VERIFICATION_FAILED, "no signature by a known key");
    }

    @Test
    void malformedNotes_areRejected_withOneLineMalformedInput() {
        String peterSigNoNewline = PETER_SIG.substring(0, PETER_SIG.length() - 1);
        List<String> bad = List.of(
                TEXT, // no signatures
                TEXT + "\n", // blank line but no signatures
                TEXT + "\n" + peterSigNoNewline, // last line without its newline
                "\u0001" + TEXT + "\n" + PETER_SIG, // control character
                TEXT + "\t\n" + PETER_SIG,
                TEXT + "\r\n\n" + PETER_SIG,
                TEXT + "\n" + "— Bad Name x08go/ZJkuBS9UG/SffcvIAQxVBtiFupLLr8pAcElZInNIuGUgYN1FFYC2pZSNXgKvqfqdngotpRZb6KE6RyyBwJnAM=\n",
                TEXT + "\n" + PETER_SIG + "Unexpected line.\n",
                TEXT + "\n" + PETER_SIG + "\n", // an empty signature line
                TEXT + "\n" + PETER_SIG.replace("— ", "-- "), // not an em dash
                TEXT + "\n" + PETER_SIG.replace("— ", "—"),
                TEXT + "\n" + PETER_SIG.replace("Neumann ", "Neumann  "), // two spaces
                TEXT + "\n" + PETER_SIG.replace("Peter", "Pe+ter"),
                TEXT + "\n" + PETER_SIG.replace("Peter", "Pe\u00a0ter"), // a Unicode space in the name
                TEXT + "\n" + PETER_SIG.replace("AM=", "AN="), // base64 with non-zero padding bits
                TEXT + "\n" + PETER_SIG.replace("AM=", "AM"), // missing padding
                TEXT + "\n" + PETER_SIG.replace("x08go/", "x08go_"), // URL-safe alphabet
                TEXT + "\n" + "— PeterNeumann x08g\n", // too short for a key ID and a signature
                TEXT + "\n" + "— PeterNeumann \n",
                TEXT + "\n" + PETER_SIG.repeat(SignedNote.MAX_SIGNATURES + 1));
        for (String s : bad) fails(note(s), List.of(PETER), ErrorCode.MALFORMED_INPUT, "malformed signed note: ");
        fails(new byte[] {(byte) 0xff, '\n', '\n'}, List.of(PETER), ErrorCode.MALFORMED_INPUT, "not valid UTF-8");
        fails(new byte[SignedNote.MAX_NOTE_BYTES + 1], List.of(PETER), ErrorCode.MALFORMED_INPUT, "larger than");
    }

    @Test
    void c2spExample_withABlankLineInItsText_parses_butItsKeyIsUnknown() {
        String example = """
                Ognuno sta solo sul cuor della terra
                trafitto da un raggio di sole:

                ed è subito sera.

                — quasimodo.example/salvatore NnugSzTjtVAewIS+Z/iJhUPeFDkO/5QQ2i5ddnGITLlC+EhfLW9oJKONrMouFSQU0xMcXxj99ihAQwaqP3ZekRwNtIc=
                """;
        fails(note(example), List.of(PETER), ErrorCode.VERIFICATION_FAILED,
                "no signature by a known key (signed by quasimodo.example/salvatore+367ba04b)");
        NoteSigner quasimodo = NoteSigner.generate("quasimodo.example/salvatore");
        String text = example.substring(0, example.lastIndexOf("\n\n") + 1);
        assertThat(SignedNote.open(SignedNote.sign(text, List.of(quasimodo)), List.of(quasimodo.verifier())))
                .isEqualTo(text);
    }

    @Test
    void mangledVerifierAndSignerKeys_areRejected_asGoRejectsThem() {
        for (String mangled : manglings(PETER_VKEY)) {
            assertThatThrownBy(() -> NoteVerifier.parse(mangled)).as(mangled).isInstanceOf(WardenException.class)
                    .satisfies(e -> assertThat(((WardenException) e).code()).isEqualTo(ErrorCode.BAD_KEY));
        }
        for (String mangled : manglings(PETER_SKEY)) {
            assertThatThrownBy(() -> NoteSigner.parse(mangled)).isInstanceOf(WardenException.class)
                    .satisfies(e -> assertThat(((WardenException) e).code()).isEqualTo(ErrorCode.BAD_KEY))
                    .satisfies(e -> assertThat(e.getMessage()).doesNotContain("AYEKFALVFG")
                            .doesNotContain(mangled.length() > 20 ? mangled : "AYEKFALVFG"));
        }
        // wrong key length and unknown algorithm, each with a matching key ID (Go's own cases; the first one's base64
        // is not canonical either, which Warden refuses first)
        assertThatThrownBy(() -> NoteVerifier.parse(
                "PeterNeumann+cc469956+ARpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TWBADKEY==")).hasMessage(
                        "not a note verifier key: it is not <name>+<key id>+<key>");
        assertThatThrownBy(() -> NoteVerifier.parse(
                "PeterNeumann+cc469956+ARpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TWBADK")).hasMessageContaining("32 bytes");
        assertThatThrownBy(() -> NoteVerifier.parse(
                "PeterNeumann+173116ae+ZRpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TW")).hasMessageContaining("algorithm 101");
        assertThat(NoteVerifier.parse(PETER_VKEY.replace("c74f20a3", "C74F20A3"))).isEqualTo(PETER);
    }

    @Test
    void aSignerKey_isWrittenForItsOwnerOnly_readBack_andNeverShown() throws Exception {
        NoteSigner signer = NoteSigner.generate("audit.example.com/warden");
        Path file = tmp.resolve("log.key");
        signer.writeTo(file);
        assertThat(Files.getPosixFilePermissions(file)).isEqualTo(PosixFilePermissions.fromString("rw-------"));
        String text = Files.readString(file);
        assertThat(text).startsWith("PRIVATE+KEY+audit.example.com/warden+" + String.format("%08x", signer.keyId()) + "+")
                .endsWith("\n");
        NoteSigner read = NoteSigner.read(file);
        assertThat(read.verifier()).isEqualTo(signer.verifier());
        assertThat(NoteSigner.parse(text.strip()).verifier()).isEqualTo(signer.verifier());
        String secret = text.strip().substring(text.strip().lastIndexOf('+') + 1);
        assertThat(signer.toString()).isEqualTo("NoteSigner[audit.example.com/warden+"
                + String.format("%08x", signer.keyId()) + "]").doesNotContain(secret);
        byte[] signed = SignedNote.sign("hello\n", List.of(read));
        assertThat(SignedNote.open(signed, List.of(signer.verifier()))).isEqualTo("hello\n");
        assertThat(NoteVerifier.parse(signer.verifier().vkey())).isEqualTo(signer.verifier());

        Files.writeString(file, text.replace("PRIVATE+KEY+", "PRIVATE+KEY+x"));
        assertThatThrownBy(() -> NoteSigner.read(file)).hasMessageStartingWith(file + ": not a note signer key: ")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain(secret));
        assertThatThrownBy(() -> NoteSigner.read(tmp.resolve("none")))
                .satisfies(e -> assertThat(((WardenException) e).code()).isEqualTo(ErrorCode.INPUT_NOT_FOUND));
    }

    @Test
    void signing_refusesTextsThatCouldNotBeOpened() {
        NoteSigner s = NoteSigner.generate("k");
        assertThatThrownBy(() -> SignedNote.sign("no newline", List.of(s))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> SignedNote.sign("tab\there\n", List.of(s))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> SignedNote.sign("x\n", List.of())).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> NoteSigner.generate("a b")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> NoteSigner.generate("a+b")).isInstanceOf(IllegalArgumentException.class);
    }

    /** Go's manglings: every proper substring, and every single character incremented. */
    private static List<String> manglings(String key) {
        List<String> out = new java.util.ArrayList<>();
        for (int i = 0; i <= key.length(); i++) {
            for (int j = i + 1; j <= key.length(); j++) if (i != 0 || j != key.length()) out.add(key.substring(i, j));
        }
        for (int i = 0; i < key.length(); i++) {
            char[] c = key.toCharArray();
            c[i]++;
            out.add(new String(c));
        }
        return out;
    }

    private static byte[] note(String s) {
        return s.getBytes(UTF_8);
    }

    private static void fails(byte[] note, List<NoteVerifier> known, ErrorCode code, String message) {
        ThrowingCallable open = () -> SignedNote.open(note, known);
        assertThatThrownBy(open).as(new String(note, UTF_8)).isInstanceOf(WardenException.class)
                .satisfies(e -> assertThat(((WardenException) e).code()).isEqualTo(code))
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n"))
                .hasMessageContaining(message);
    }
}
