package io.warden.core.testing;

import io.warden.core.io.ReadOptions;
import io.warden.core.io.Readers;
import io.warden.core.record.Record;
import io.warden.core.record.RecordReader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Reads whole (small) inputs into lists, for assertions. */
public final class RecordCollector {
    private RecordCollector() {}

    /** All records of {@code reader}, which is left open. */
    public static List<Record> readAll(RecordReader reader) {
        List<Record> records = new ArrayList<>();
        for (Record r = reader.next(); r != null; r = reader.next()) {
            records.add(r);
        }
        return records;
    }

    /** All records of {@code path}, opened with {@code options} and closed again. */
    public static List<Record> readAll(Path path, ReadOptions options) {
        try (RecordReader reader = Readers.open(path, options)) {
            return readAll(reader);
        }
    }

    /** A record as an ordered name → value map (the last value wins for a repeated name). */
    public static Map<String, String> asMap(Record record) {
        Map<String, String> map = new LinkedHashMap<>();
        for (int i = 0; i < record.size(); i++) {
            map.put(record.names().get(i), record.values().get(i));
        }
        return map;
    }
}
