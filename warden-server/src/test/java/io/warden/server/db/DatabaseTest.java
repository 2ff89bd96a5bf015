package io.warden.server.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.warden.core.ErrorCode;
import io.warden.core.WardenException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DatabaseTest {
    @Test
    void jdbcUrl_postgresUrlWithCredentials_becomesJdbcWithUserAndPassword() {
        assertThat(Database.jdbcUrl("postgresql://alice:s3cret@db.example:5433/warden"))
                .isEqualTo("jdbc:postgresql://db.example:5433/warden?user=alice&password=s3cret");
        assertThat(Database.jdbcUrl("jdbc:postgresql://h/db")).isEqualTo("jdbc:postgresql://h/db");
    }

    @Test
    void jdbcUrl_otherSchemes_areBadUsage() {
        assertThatThrownBy(() -> Database.jdbcUrl("mysql://x/y")).isInstanceOfSatisfying(WardenException.class,
                e -> assertThat(e.code()).isEqualTo(ErrorCode.BAD_USAGE));
    }

    @Test
    void redact_hidesPasswordsInUrlsAndParameters() {
        assertThat(Database.redact("postgresql://alice:s3cret@h/db")).doesNotContain("s3cret").contains("alice");
        assertThat(Database.redact("jdbc:postgresql://h/db?user=a&password=s3cret")).doesNotContain("s3cret");
    }

    @Test
    void open_sqlite_migratesAndReopens(@TempDir Path dir) {
        try (Database db = Database.open(null, dir)) {
            assertThat(db.isSqlite()).isTrue();
            int tables = db.read(c -> {
                try (var r = c.getMetaData().getTables(null, null, "versions", null)) {
                    return r.next() ? 1 : 0;
                }
            });
            assertThat(tables).isEqualTo(1);
        }
        try (Database again = Database.open(null, dir)) {
            assertThat(Files.exists(dir.resolve("warden.db"))).isTrue();
        }
    }

    @Test
    void open_unreachablePostgres_failsWithoutThePassword(@TempDir Path dir) {
        assertThatThrownBy(() -> Database.open("postgresql://u:hunter2hunter2@127.0.0.1:1/none", dir))
                .isInstanceOfSatisfying(WardenException.class, e -> {
                    assertThat(e.code()).isEqualTo(ErrorCode.UNAVAILABLE);
                    assertThat(e.getMessage()).doesNotContain("hunter2");
                });
    }

    @Test
    void open_corruptSqliteFile_failsWithOneLine(@TempDir Path dir) throws Exception {
        Files.write(dir.resolve("warden.db"), new byte[] {'n', 'o', 't', ' ', 'a', ' ', 'd', 'b', 0, 1, 2, 3});
        assertThatThrownBy(() -> Database.open(null, dir)).isInstanceOfSatisfying(WardenException.class, e -> {
            assertThat(e.code()).isEqualTo(ErrorCode.UNAVAILABLE);
            assertThat(e.getMessage()).doesNotContain("\n");
        });
    }
}
