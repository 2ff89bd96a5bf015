package io.warden.detect.eval;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.warden.core.ErrorCode;
import io.warden.core.WardenException;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;

/** The JSON form of an {@link EvalReport}: stable field names, undefined scores as {@code null}. */
final class ReportJson {
    private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private ReportJson() {}

    static String toJson(EvalReport r) {
        ObjectNode root = MAPPER.createObjectNode();
        root.put("records", r.records());
        root.put("overlap_measure", "iou");
        root.put("overlap_threshold", r.overlapThreshold());
        root.put("beta", r.beta());
        root.set("overall", score(r.overall()));
        ObjectNode entities = root.putObject("entities");
        for (EntityScore s : r.entities()) entities.set(s.entity(), score(s));
        ArrayNode notProducible = root.putArray("not_producible");
        r.notProducible().stream().sorted().forEach(notProducible::add);
        ArrayNode errors = root.putArray("errors");
        for (ErrorExample e : r.errors()) {
            ObjectNode n = errors.addObject();
            n.put("kind", e.kind().abbreviation());
            n.put("reason", e.reason().name());
            n.put("record", e.record());
            n.put("entity", e.entity());
            n.put("start", e.start());
            n.put("end", e.end());
            if (e.otherEntity() != null) n.put("other_entity", e.otherEntity());
            if (e.value() != null) n.put("value", e.value());
            if (e.context() != null) n.put("context", e.context());
        }
        root.put("errors_omitted", r.errorsOmitted());
        try {
            return MAPPER.writeValueAsString(root) + "\n";
        } catch (JsonProcessingException e) {
            throw new WardenException(ErrorCode.INTERNAL, "cannot render the evaluation report as JSON", e);
        }
    }

    private static ObjectNode score(EntityScore s) {
        ObjectNode n = MAPPER.createObjectNode();
        n.put("gold", s.gold());
        n.put("predicted", s.predicted());
        n.put("tp", s.truePositives());
        n.put("fp", s.falsePositives());
        n.put("fn", s.falseNegatives());
        number(n, "precision", s.precision());
        number(n, "recall", s.recall());
        number(n, "f_score", s.fScore());
        return n;
    }

    private static void number(ObjectNode n, String name, double v) {
        if (Double.isNaN(v)) n.putNull(name);
        else n.put(name, v);
    }

    static void write(EvalReport r, Path path) {
        byte[] bytes = toJson(r).getBytes(StandardCharsets.UTF_8);
        Path target = path.toAbsolutePath();
        Path dir = target.getParent();
        Path tmp = null;
        try {
            tmp = Files.createTempFile(dir, "." + target.getFileName() + ".", ".tmp");
            try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.WRITE);
                    OutputStream out = java.nio.channels.Channels.newOutputStream(ch)) {
                out.write(bytes);
                out.flush();
                ch.force(true);
            }
            try {
                Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            if (tmp != null) {
                try {
                    Files.deleteIfExists(tmp);
                } catch (IOException ignored) {
                    // the write failure is what matters
                }
            }
            throw new WardenException(ErrorCode.OUTPUT_FAILED,
                    path + ": cannot write (" + e.getClass().getSimpleName() + ")");
        }
    }
}
