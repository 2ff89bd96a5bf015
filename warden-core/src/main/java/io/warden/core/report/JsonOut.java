package io.warden.core.report;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * The one pretty-printing JSON writer behind the JSON and SARIF reports: two-space indents, {@code "key": value},
 * {@code \n} line ends on every platform, decimals written plain (never {@code 1E-5}), a final newline.
 *
 * <p>Documents are built as trees with fields in insertion order, so the renderers alone decide the field order.
 */
final class JsonOut {
    private static final ObjectMapper MAPPER = new ObjectMapper()
            .enable(JsonGenerator.Feature.WRITE_BIGDECIMAL_AS_PLAIN);
    private static final ObjectWriter WRITER = MAPPER.writer(prettyPrinter());

    private JsonOut() {}

    static ObjectNode object() {
        return JsonNodeFactory.instance.objectNode();
    }

    static ArrayNode array() {
        return JsonNodeFactory.instance.arrayNode();
    }

    /** Puts {@code d} rounded to six significant digits ({@link ReportText#round}). */
    static ObjectNode putDecimal(ObjectNode node, String field, double d) {
        return node.put(field, ReportText.round(d));
    }

    static String toString(JsonNode document) {
        try {
            return WRITER.writeValueAsString(document) + "\n";
        } catch (IOException e) {
            throw new UncheckedIOException(e); // writing a tree to memory does not fail
        }
    }

    static void write(JsonNode document, OutputStream out) throws IOException {
        out.write(toString(document).getBytes(StandardCharsets.UTF_8));
    }

    private static DefaultPrettyPrinter prettyPrinter() {
        var indenter = new DefaultIndenter("  ", "\n");
        var separators = Separators.createDefaultInstance()
                .withObjectFieldValueSpacing(Separators.Spacing.AFTER)
                .withArrayEmptySeparator("")
                .withObjectEmptySeparator("");
        DefaultPrettyPrinter p = new DefaultPrettyPrinter().withSeparators(separators);
        p.indentObjectsWith(indenter);
        p.indentArraysWith(indenter);
        return p;
    }
}
