package io.warden.protect.dp;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.warden.core.ErrorCode;
import io.warden.core.WardenException;
import io.warden.core.io.ReadOptions;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DpColumnsTest {
    static final ReadOptions OPTS = ReadOptions.defaults();

    @TempDir
    Path dir;

    private Path write(String name, String content) throws Exception {
        Path p = dir.resolve(name);
        Files.writeString(p, content, UTF_8);
        return p;
    }

    private static ErrorCode code(Throwable e) {
        return ((WardenException) e).code();
    }

    @Test
    void read_csv_keepsTheQueriedColumns_andGivesRowsOfOneUnitOneId() throws Exception {
        Path in = write("in.csv", "id,name,age,plan\nu1,Ann,30,free\nu2,Bob,40,team\nu1,Ann,31,team\n");
        DpColumns c = DpColumns.read(in, OPTS, "id", Set.of("age", "plan"));
        assertThat(c.size()).isEqualTo(3);
        assertThat(c.rows()).containsExactly(0, 1, 2);
        assertThat(c.unit(0)).isEqualTo(c.unit(2)).isNotEqualTo(c.unit(1));
        assertThat(c.value("plan", 1)).isEqualTo("team");
        assertThat(c.numbers("age").get(2)).isEqualTo(31.0);
        assertThatThrownBy(() -> c.value("name", 0)).hasMessageContaining("'name' was not read");
        assertThat(c.recordsWithoutUnit()).isZero();
    }

    @Test
    void read_withoutUnitColumn_eachRecordIsItsOwnUnit() throws Exception {
        Path in = write("in.csv", "age\n1\n1\n1\n");
        DpColumns c = DpColumns.read(in, OPTS, null, Set.of("age"));
        assertThat(c.rows()).extracting(c::unit).containsExactly(0, 1, 2);
    }

    @Test
    void read_recordWithBlankOrMissingUnit_isLeftOutAndCounted() throws Exception {
        Path in = write("in.csv", "id,age\nu1,1\n,2\n   ,3\nu2\n");
        DpColumns c = DpColumns.read(in, OPTS, "id", Set.of("age"));
        assertThat(c.size()).isEqualTo(2);
        assertThat(c.recordsWithoutUnit()).isEqualTo(2);
        assertThat(c.value("age", 0)).isEqualTo("1");
        assertThat(c.value("age", 1)).isNull(); // u2's short row is padded with a missing cell
    }

    @Test
    void numbers_acceptDecimalNumbersOnly_andCountMissingAndNonNumericApart() throws Exception {
        Path in = write("in.csv", "v\n33\n\" 4.5 \"\n-1e2\n.5\n\nabc\nNaN\nInfinity\n0x10\n1d\n1,5\n");
        DpColumns.Numbers n = DpColumns.read(in, OPTS.withDelimiter(';'), null, Set.of("v")).numbers("v");
        assertThat(new double[] {n.get(0), n.get(1), n.get(2), n.get(3)}).containsExactly(33, 4.5, -100, 0.5);
        for (int i = 4; i < 10; i++) assertThat(n.get(i)).as("row " + i).isNaN();
        assertThat(n.missing()).isZero(); // an empty line is no record in CSV
        assertThat(n.nonNumeric()).isEqualTo(6);
        assertThat(n.toString()).doesNotContain("abc");
    }

    @Test
    void numbers_emptyCell_isMissingNotNonNumeric() throws Exception {
        Path in = write("in.csv", "id,v\na,\nb,  \nc,7\n");
        DpColumns.Numbers n = DpColumns.read(in, OPTS, "id", Set.of("v")).numbers("v");
        assertThat(n.missing()).isEqualTo(2);
        assertThat(n.nonNumeric()).isZero();
        assertThat(n.get(2)).isEqualTo(7);
    }

    @Test
    void read_csvWithoutAQueriedColumn_failsNamingItAndTheColumnsThere() throws Exception {
        Path in = write("in.csv", "id,age\nu1,3\n");
        assertThatThrownBy(() -> DpColumns.read(in, OPTS, "id", Set.of("agee")))
                .hasMessageContaining("column 'agee' is not in " + in).hasMessageContaining("id, age")
                .satisfies(e -> assertThat(code(e)).isEqualTo(ErrorCode.BAD_USAGE));
        assertThatThrownBy(() -> DpColumns.read(in, OPTS, "customer", Set.of("age")))
                .hasMessageContaining("column 'customer'").hasMessageContaining("dp.privacy_unit");
    }

    @Test
    void read_jsonl_nestedPathsAreColumns_andAFieldSomeRecordsLackIsMissingThere() throws Exception {
        Path in = write("in.jsonl", """
                {"user": {"id": "u1", "age": 30}, "plan": "free"}
                {"user": {"id": "u2"}, "plan": "team"}
                {"user": {"id": "u1", "age": "old"}}
                """);
        DpColumns c = DpColumns.read(in, OPTS, "user.id", Set.of("user.age", "plan"));
        assertThat(c.size()).isEqualTo(3);
        assertThat(c.unit(0)).isEqualTo(c.unit(2));
        DpColumns.Numbers ages = c.numbers("user.age");
        assertThat(ages.get(0)).isEqualTo(30);
        assertThat(ages.missing()).isEqualTo(1);
        assertThat(ages.nonNumeric()).isEqualTo(1);
        assertThat(c.value("plan", 2)).isNull();
        assertThatThrownBy(() -> DpColumns.read(in, OPTS, "user.id", Set.of("user.height")))
                .hasMessageContaining("column 'user.height' is not in")
                .satisfies(e -> assertThat(code(e)).isEqualTo(ErrorCode.BAD_USAGE));
    }

    @Test
    void read_jsonl_aColumnOnlyLaterRecordsHave_isThere() throws Exception {
        Path in = write("in.jsonl", "{\"id\": 1}\n{\"id\": 2, \"extra\": {\"score\": 7}}\n");
        DpColumns c = DpColumns.read(in, OPTS, "id", Set.of("extra.score"));
        assertThat(c.value("extra.score", 0)).isNull();
        assertThat(c.numbers("extra.score").get(1)).isEqualTo(7);
    }

    @Test
    void read_text_countsLines() throws Exception {
        Path in = write("notes.txt", "one\ntwo\n\nfour\n");
        DpColumns c = DpColumns.read(in, OPTS, null, Set.of());
        assertThat(c.size()).isEqualTo(4);
    }

    @Test
    void read_longTextLineSplitIntoChunks_isStillOneRecord() throws Exception {
        Path in = write("notes.txt", "x".repeat(5000) + "\nshort\n");
        DpColumns c = DpColumns.read(in, OPTS.withChunking(1000, 100), null, Set.of("text"));
        assertThat(c.size()).isEqualTo(2);
        assertThat(c.value("text", 0)).isNull(); // incomplete pieces are no value
        assertThat(c.value("text", 1)).isEqualTo("short");
    }

    @Test
    void read_emptyInputOrHeaderOnly_isMalformedInput() throws Exception {
        for (String content : new String[] {"", "id,age\n"}) {
            Path in = write("in.csv", content);
            assertThatThrownBy(() -> DpColumns.read(in, OPTS, null, Set.of()))
                    .as(content).hasMessageContaining("has no records")
                    .satisfies(e -> assertThat(code(e)).isEqualTo(ErrorCode.MALFORMED_INPUT));
        }
    }

    @Test
    void read_noRecordHasAUnit_isMalformedInput() throws Exception {
        Path in = write("in.csv", "id,age\n,1\n,2\n");
        assertThatThrownBy(() -> DpColumns.read(in, OPTS, "id", Set.of("age")))
                .hasMessageContaining("no record of " + in + " has a value in the privacy unit column 'id'");
    }

    @Test
    void read_binaryFile_isMalformedInput() throws Exception {
        Path in = dir.resolve("in.csv");
        Files.write(in, new byte[] {0, 1, 2, 3, (byte) 0xff, 0, 'a', '\n'});
        assertThatThrownBy(() -> DpColumns.read(in, OPTS, null, Set.of()))
                .satisfies(e -> assertThat(code(e)).isEqualTo(ErrorCode.MALFORMED_INPUT));
    }
}
