package io.warden.protect.privacy;

import io.warden.core.ErrorCode;
import io.warden.core.WardenException;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads ARX's hierarchy CSV format: one row per original value, {@code ;}-separated, the original value first and
 * the most general value last; fields may be quoted with {@code "} ({@code ""} inside quotes is a quote).
 *
 * <p>Blank lines are skipped and a leading byte-order mark is ignored. Text that is not UTF-8 or contains NUL
 * characters is rejected as binary. Every error is one {@link ErrorCode#MALFORMED_INPUT} line naming file and line.
 */
final class HierarchyCsv {
    private static final char SEPARATOR = ';';
    private static final long MAX_BYTES = 256L << 20;

    private HierarchyCsv() {}

    static Hierarchy read(Path file) {
        String source = String.valueOf(file.getFileName());
        var decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        try (Reader reader = new InputStreamReader(Files.newInputStream(file), decoder)) {
            if (Files.size(file) > MAX_BYTES) {
                throw new WardenException(ErrorCode.MALFORMED_INPUT, source + ": a hierarchy larger than 256 MiB");
            }
            return parse(reader, source);
        } catch (NoSuchFileException e) {
            throw new WardenException(ErrorCode.INPUT_NOT_FOUND, source + ": hierarchy file not found");
        } catch (IOException e) {
            throw new WardenException(ErrorCode.INPUT_NOT_FOUND, source + ": cannot read the hierarchy file");
        }
    }

    static Hierarchy parse(Reader reader, String source) {
        List<List<String>> rows = new ArrayList<>();
        List<Integer> lines = new ArrayList<>();
        try {
            BufferedReader in = reader instanceof BufferedReader b ? b : new BufferedReader(reader);
            int number = 0;
            for (String line; (line = in.readLine()) != null; ) {
                number++;
                if (number == 1 && line.startsWith("\uFEFF")) line = line.substring(1);
                if (line.indexOf('\0') >= 0) throw binary(source);
                if (line.isBlank()) continue;
                rows.add(fields(line, source, number));
                lines.add(number);
            }
        } catch (CharacterCodingException e) {
            throw binary(source);
        } catch (IOException e) {
            throw new WardenException(ErrorCode.INPUT_NOT_FOUND, source + ": cannot read the hierarchy file");
        }
        return Hierarchy.fromCsv(rows, source, lines.stream().mapToInt(Integer::intValue).toArray());
    }

    private static List<String> fields(String line, String source, int number) {
        List<String> out = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        int i = 0;
        while (true) {
            field.setLength(0);
            if (i < line.length() && line.charAt(i) == '"') {
                i++;
                while (true) {
                    if (i >= line.length()) {
                        throw new WardenException(ErrorCode.MALFORMED_INPUT, source + ":" + number
                                + ": a quoted value is not closed");
                    }
                    char c = line.charAt(i++);
                    if (c != '"') {
                        field.append(c);
                    } else if (i < line.length() && line.charAt(i) == '"') {
                        field.append('"');
                        i++;
                    } else {
                        break;
                    }
                }
                if (i < line.length() && line.charAt(i) != SEPARATOR) {
                    throw new WardenException(ErrorCode.MALFORMED_INPUT, source + ":" + number
                            + ": text after a closing quote");
                }
            } else {
                int end = line.indexOf(SEPARATOR, i);
                field.append(line, i, end < 0 ? line.length() : end);
                i = end < 0 ? line.length() : end;
            }
            out.add(field.toString());
            if (i >= line.length()) return out;
            i++; // the separator
        }
    }

    private static WardenException binary(String source) {
        return new WardenException(ErrorCode.MALFORMED_INPUT,
                source + ": not a text hierarchy (binary data or not UTF-8)");
    }
}
