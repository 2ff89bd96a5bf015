package io.warden.core.io;

import static io.warden.core.testing.TestFiles.utf8;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class DelimiterSnifferTest {

    @Test
    void sniff_picksTheConsistentCandidate() {
        assertThat(DelimiterSniffer.sniff(utf8("a;b;c\n1;2;3\n4;5;6\n"), true)).isEqualTo(';');
        assertThat(DelimiterSniffer.sniff(utf8("a\tb\n1\t2\n"), true)).isEqualTo('\t');
        assertThat(DelimiterSniffer.sniff(utf8("a|b\n1|2\n"), true)).isEqualTo('|');
        assertThat(DelimiterSniffer.sniff(utf8("a,b\n1,2\n"), true)).isEqualTo(',');
    }

    @Test
    void sniff_ignoresDelimitersInsideQuotes_includingQuotedNewlines() {
        String csv = "name;note\n\"Ann\";\"likes a, b, c\nand d, e\"\n\"Bob\";\"x, y\"\n";
        assertThat(DelimiterSniffer.sniff(utf8(csv), true)).isEqualTo(';');
    }

    @Test
    void sniff_nearTieGoesToTheDelimiterGivingMoreColumns() {
        // one comma per row inside unquoted text, but eight semicolons: semicolon wins
        String csv = "a;b;c;d;e;f;g;h;i\n" + "x, y;1;2;3;4;5;6;7;8\n".repeat(20);
        assertThat(DelimiterSniffer.sniff(utf8(csv), true)).isEqualTo(';');
    }

    @Test
    void sniff_singleColumnOrEmpty_defaultsToComma() {
        assertThat(DelimiterSniffer.sniff(utf8("a\nb\nc\n"), true)).isEqualTo(',');
        assertThat(DelimiterSniffer.sniff(new byte[0], true)).isEqualTo(',');
    }

    @Test
    void sniff_ignoresACutLastLineOfAnIncompleteSample() {
        assertThat(DelimiterSniffer.sniff(utf8("a;b\n1;2\n3,4,5,6,7,8,9"), false)).isEqualTo(';');
    }
}
