package io.warden.crypto.tlog;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.warden.core.ErrorCode;
import io.warden.core.WardenException;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;

/** C2SP tlog-checkpoints: the spec's example, Go's tlog tree-note vector, strict parsing, signing and opening. */
class CheckpointTest {
    private static final String SOFA = """
            example.com/behind-the-sofa
            20852163
            CsUYapGGPo4dkMgIAUqom/Xajj7h2fB2MPA3j2jxq2I=
            """;

    @Test
    void c2spExample_parses_andFormatsBackToTheSameText() {
        Checkpoint c = Checkpoint.parse(SOFA);
        assertThat(c.origin()).isEqualTo("example.com/behind-the-sofa");
        assertThat(c.size()).isEqualTo(20852163);
        assertThat(c.root()).isEqualTo(Base64.getDecoder().decode("CsUYapGGPo4dkMgIAUqom/Xajj7h2fB2MPA3j2jxq2I="));
        assertThat(c.extensions()).isEmpty();
        assertThat(c.text()).isEqualTo(SOFA);
        // its signature is by a key the specification does not publish: unknown here, so the note is refused
        String signed = SOFA + "\n— example.com/behind-the-sofa Az3grlgtzPICa5OS8npVmf1Myq/5IZniMp+ZJurmRDeOoRDe4URYN7u5/Zhcyv2q1gGzGku9nTo+zyWE+xeMcTOAYQ8=\n";
        NoteVerifier other = NoteSigner.generate("example.com/behind-the-sofa").verifier();
        assertThatThrownBy(() -> Checkpoint.open(signed.getBytes(UTF_8), other))
                .hasMessageStartingWith("signed note: no signature by a known key (signed by example.com/behind-the-sofa+");
    }

    @Test
    void goTlogTreeNote_parses_withTheRootOfItsOneRecord() {
        // golang.org/x/mod/sumdb/tlog note_test.go: the tree of "hello world" at size 123456789012
        Checkpoint c = Checkpoint.parse("go.sum database tree\n123456789012\nTszzRgjTG6xce+z2AG31kAXYKBgQVtCSCE40HmuwBb0=\n");
        assertThat(c.size()).isEqualTo(123456789012L);
        assertThat(c.root()).isEqualTo(MerkleHashes.leafHash("hello world".getBytes(UTF_8)));
        assertThat(Checkpoint.parse(c.text() + "JOE\n").extensions()).containsExactly("JOE");
        malformed("go.sum database tree\n0xabcdef\nTszzRgjTG6xce+z2AG31kAXYKBgQVtCSCE40HmuwBb0=\n", "size is not a decimal");
        malformed("go.sum database tree\n123456789012\nTszzRgjTG6xce+z2AG31kAXYKBgQVtCSCE40HmuwBTOOBIG=\n",
                "root is not a base64 SHA-256 hash");
    }

    @Test
    void malformedCheckpoints_areRefused() {
        String root = "CsUYapGGPo4dkMgIAUqom/Xajj7h2fB2MPA3j2jxq2I=";
        malformed("o\n1\n" + root, "does not end in a newline");
        malformed("o\n1\n", "fewer than 3 lines");
        malformed("\n1\n" + root + "\n", "line 1 is empty");
        malformed("o\n1\n" + root + "\n\next\n", "line 4 is empty");
        malformed("o\t\n1\n" + root + "\n", "line 1 is empty or has a control character");
        for (String size : List.of("01", "-1", "+1", " 1", "1 ", "1e3", "", "٣")) {
            malformed("o\n" + size + "\n" + root + "\n", "");
        }
        malformed("o\n9223372036854775808\n" + root + "\n", "size is too large");
        assertThat(Checkpoint.parse("o\n9223372036854775807\n" + root + "\n").size()).isEqualTo(Long.MAX_VALUE);
        assertThat(Checkpoint.parse("o\n0\n" + root + "\n").size()).isZero();
        malformed("o\n1\n" + root.substring(4) + "\n", "root is not");
        malformed("o\n1\n" + root.replace("=", "") + "\n", "root is not");
        malformed("o\n1\nAAAA\n", "root is not");
    }

    @Test
    void aSignedCheckpoint_opensWithItsLogsKey_only() {
        NoteSigner key = NoteSigner.generate("audit.example.com/warden");
        Checkpoint c = new Checkpoint("audit.example.com/warden", 42, MerkleHashes.leafHash(new byte[] {1}),
                List.of("ext one"));
        byte[] note = c.sign(key);
        assertThat(new String(note, UTF_8)).startsWith(c.text() + "\n— audit.example.com/warden ");
        assertThat(Checkpoint.open(note, key.verifier())).isEqualTo(c);
        assertThat(Checkpoint.open(note, key.verifier()).treeHead()).isEqualTo(new TreeHead(42, c.root()));

        NoteSigner other = NoteSigner.generate("audit.example.com/warden");
        assertThatThrownBy(() -> Checkpoint.open(note, other.verifier()))
                .satisfies(e -> assertThat(((WardenException) e).code()).isEqualTo(ErrorCode.VERIFICATION_FAILED));
        assertThatThrownBy(() -> c.sign(NoteSigner.generate("another.log"))).isInstanceOf(IllegalArgumentException.class);

        // a key may not vouch for another log's checkpoint, even when it signed it
        NoteSigner mallory = NoteSigner.generate("mallory.example");
        byte[] forged = SignedNote.sign(c.text(), List.of(mallory));
        assertThatThrownBy(() -> Checkpoint.open(forged, mallory.verifier()))
                .satisfies(e -> assertThat(((WardenException) e).code()).isEqualTo(ErrorCode.VERIFICATION_FAILED))
                .hasMessage("checkpoint of the log audit.example.com/warden is signed by the key of mallory.example");

        String text = new String(note, UTF_8);
        assertThatThrownBy(() -> Checkpoint.open(text.replace("\n42\n", "\n43\n").getBytes(UTF_8), key.verifier()))
                .hasMessageContaining("invalid signature");
    }

    @Test
    void aCheckpoint_isAnImmutableValue() {
        byte[] root = MerkleHashes.emptyRoot();
        Checkpoint c = Checkpoint.of("o", new TreeHead(0, root));
        root[0] ^= 1;
        c.root()[1] ^= 1;
        assertThat(c.root()).isEqualTo(MerkleHashes.emptyRoot());
        assertThat(c).isEqualTo(Checkpoint.parse(c.text())).hasSameHashCodeAs(Checkpoint.parse(c.text()));
        assertThatThrownBy(() -> new Checkpoint("a\nb", 1, root, List.of())).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Checkpoint("o", -1, root, List.of())).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Checkpoint("o", 1, new byte[31], List.of()))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Checkpoint("o", 1, root, List.of(""))).isInstanceOf(IllegalArgumentException.class);
    }

    private static void malformed(String text, String message) {
        assertThatThrownBy(() -> Checkpoint.parse(text)).as(text).isInstanceOf(WardenException.class)
                .satisfies(e -> assertThat(((WardenException) e).code()).isEqualTo(ErrorCode.MALFORMED_INPUT))
                .hasMessageStartingWith("malformed checkpoint: ")
                .hasMessageContaining(message);
    }
}
