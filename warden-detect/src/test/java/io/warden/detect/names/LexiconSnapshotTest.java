package io.warden.detect.names;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.util.Arrays;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LexiconSnapshotTest {
    @Test
    void snapshot_shippedByTheBuild_equalsAFreshBuildFromTheDictionaries() {
        WordTable shipped = LexiconSnapshot.read();
        assertThat(shipped).as("the build stores " + LexiconSnapshot.RESOURCE + " next to the classes").isNotNull();
        var fresh = Lexicon.buildFromSources().entries();
        assertThat(fresh).hasSizeGreaterThan(10_000);
        assertThat(shipped.entries()).isEqualTo(fresh);
    }

    @Test
    void snapshot_roundTrip_keepsEveryEntry() throws IOException {
        WordTable t = WordTable.of(Map.of("jane", Lexicon.FIRST, "new york", Lexicon.CITY, "zoë", Lexicon.LAST));
        var out = new ByteArrayOutputStream();
        LexiconSnapshot.write(t, out);
        assertThat(LexiconSnapshot.read(new ByteArrayInputStream(out.toByteArray())))
                .isEqualTo(Map.of("jane", Lexicon.FIRST, "new york", Lexicon.CITY, "zoë", Lexicon.LAST));
    }

    @Test
    void snapshot_wrongMagicOrTruncated_fails() throws IOException {
        assertThatThrownBy(() -> LexiconSnapshot.read(new ByteArrayInputStream("not a snapshot".getBytes())))
                .isInstanceOf(IOException.class).hasMessageContaining("not a Warden lexicon snapshot");
        var out = new ByteArrayOutputStream();
        LexiconSnapshot.write(WordTable.of(Map.of("jane", 1, "john", 1)), out);
        byte[] cut = Arrays.copyOf(out.toByteArray(), out.size() - 3);
        assertThatThrownBy(() -> LexiconSnapshot.read(new ByteArrayInputStream(cut))).isInstanceOf(EOFException.class);
        assertThatThrownBy(() -> LexiconSnapshot.read(new ByteArrayInputStream(new byte[0])))
                .isInstanceOf(EOFException.class);
    }
}
