package io.warden.core.io;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;

/**
 * Writes the JSON documents that sit next to outputs (protect manifests, DP release files): a tree of maps, lists and
 * scalars, indented, decimals written plain, a final newline; the stream stays open.
 */
public final class JsonDocuments {
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT)
            .enable(JsonGenerator.Feature.WRITE_BIGDECIMAL_AS_PLAIN);

    private JsonDocuments() {}

    /** Writes {@code tree} to {@code out} without closing it. */
    public static void write(Object tree, OutputStream out) {
        try {
            JsonGenerator g = JSON.getFactory().createGenerator(out, JsonEncoding.UTF8);
            g.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
            JSON.writeValue(g, tree);
            out.write('\n');
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
