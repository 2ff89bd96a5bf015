package io.warden.core.io;

import de.siegmar.fastcsv.reader.AbstractBaseCsvCallbackHandler;
import io.warden.core.ErrorCode;
import io.warden.core.WardenException;
import java.util.ArrayList;
import java.util.List;

/**
 * The FastCSV callback that collects one row's fields and enforces the record size limit as the fields arrive,
 * so an oversized row fails before it is ever held whole.
 *
 * <p>A row's size is the UTF-8 length of its field values plus one byte per field separator.
 */
final class CsvRowHandler extends AbstractBaseCsvCallbackHandler<CsvRowHandler.Row> {
    /** One parsed row and the 1-based line it starts on. */
    record Row(long line, List<String> fields) {}

    private final int maxRecordBytes;
    private List<String> fields = new ArrayList<>();
    private long line;
    private long bytes;

    CsvRowHandler(int maxRecordBytes) {
        this.maxRecordBytes = maxRecordBytes;
    }

    /** The line the row being parsed (or last parsed) starts on. */
    long currentLine() {
        return line;
    }

    @Override
    protected void handleBegin(long startingLineNumber) {
        line = startingLineNumber;
        fields = new ArrayList<>();
        bytes = -1;
    }

    @Override
    protected void handleField(int fieldIdx, char[] buf, int offset, int len, boolean quoted) {
        bytes += 1 + Utf8Text.encodedLength(buf, offset, len);
        if (bytes > maxRecordBytes) {
            throw tooLarge(line, maxRecordBytes);
        }
        fields.add(new String(buf, offset, len));
    }

    @Override
    protected Row buildRecord() {
        return new Row(line, fields);
    }

    static WardenException tooLarge(long line, int maxRecordBytes) {
        return new WardenException(ErrorCode.RECORD_TOO_LARGE,
                "record at line " + line + " exceeds " + maxRecordBytes + " bytes (raise --max-record-size)");
    }
}
