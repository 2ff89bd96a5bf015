package io.warden.protect.dp;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.warden.core.ErrorCode;
import io.warden.core.WardenException;
import io.warden.protect.dp.BudgetLedger.Snapshot;
import io.warden.protect.dp.BudgetLedger.Spend;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;

/**
 * The ledger's JSON form, read strictly: any missing, extra or ill-typed field, a truncated or empty file, makes
 * the whole ledger unreadable ({@link ErrorCode#MALFORMED_INPUT}) — a guess at the budget spent would be unsafe.
 *
 * <pre>{@code
 * {
 *   "format" : "warden-dp-ledger",
 *   "version" : 1,
 *   "dataset" : "adult-2024",
 *   "total" : { "epsilon" : 1, "delta" : 0.000001 },
 *   "spends" : [ { "query" : "count rows", "epsilon" : 0.1, "delta" : 0, "time" : "2026-01-05T10:00:00.123Z" } ]
 * }
 * }</pre>
 */
final class LedgerJson {
    static final String FORMAT = "warden-dp-ledger";
    private static final ObjectMapper MAPPER = new ObjectMapper()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .enable(JsonGenerator.Feature.WRITE_BIGDECIMAL_AS_PLAIN)
            .enable(SerializationFeature.INDENT_OUTPUT);

    private LedgerJson() {}

    static byte[] write(Snapshot s) {
        ObjectNode root = MAPPER.createObjectNode();
        root.put("format", FORMAT);
        root.put("version", 1);
        root.put("dataset", s.dataset());
        ObjectNode total = root.putObject("total");
        total.put("epsilon", decimal(s.total().epsilon()));
        total.put("delta", decimal(s.total().delta()));
        ArrayNode spends = root.putArray("spends");
        for (Spend sp : s.spends()) {
            ObjectNode o = spends.addObject();
            o.put("query", sp.query());
            o.put("epsilon", decimal(sp.epsilon()));
            o.put("delta", decimal(sp.delta()));
            o.put("time", sp.time().toString());
        }
        try {
            return (MAPPER.writeValueAsString(root) + "\n").getBytes(StandardCharsets.UTF_8);
        } catch (JsonProcessingException e) {
            throw new WardenException(ErrorCode.INTERNAL, "cannot serialise the budget ledger", e);
        }
    }

    /** The shortest decimal of {@code d} without trailing zeros: {@code 2.0} is written {@code 2}. */
    private static BigDecimal decimal(double d) {
        return d == 0 ? BigDecimal.ZERO : BigDecimal.valueOf(d).stripTrailingZeros();
    }

    static Snapshot read(byte[] bytes, Path file) {
        if (new String(bytes, StandardCharsets.UTF_8).isBlank()) throw corrupt(file, "the file is empty");
        JsonNode root;
        try {
            root = MAPPER.readTree(bytes);
        } catch (IOException e) {
            throw corrupt(file, "not valid JSON (truncated?)");
        }
        fields(root, file, "ledger", Set.of("format", "version", "dataset", "total", "spends"));
        if (!root.get("format").isTextual() || !FORMAT.equals(root.get("format").textValue())) {
            throw corrupt(file, "\"format\" is not \"" + FORMAT + "\"");
        }
        if (!root.get("version").isIntegralNumber() || root.get("version").asInt() != 1) {
            throw corrupt(file, "unsupported \"version\" " + root.get("version"));
        }
        String dataset = text(root, "dataset", file);
        JsonNode totalNode = root.get("total");
        fields(totalNode, file, "\"total\"", Set.of("epsilon", "delta"));
        PrivacyCost total;
        try {
            total = new PrivacyCost(number(totalNode, "epsilon", file), number(totalNode, "delta", file));
        } catch (IllegalArgumentException e) {
            throw corrupt(file, "bad \"total\": " + e.getMessage());
        }
        JsonNode spendsNode = root.get("spends");
        if (!spendsNode.isArray()) throw corrupt(file, "\"spends\" is not a list");
        List<Spend> spends = new ArrayList<>(spendsNode.size());
        for (JsonNode s : spendsNode) {
            String where = "spend " + (spends.size() + 1);
            fields(s, file, where, Set.of("query", "epsilon", "delta", "time"));
            double eps = number(s, "epsilon", file);
            double delta = number(s, "delta", file);
            if (!(eps >= 0) || !(delta >= 0)) throw corrupt(file, where + " is negative");
            Instant time;
            try {
                time = Instant.parse(text(s, "time", file));
            } catch (DateTimeParseException e) {
                throw corrupt(file, where + " has a bad \"time\"");
            }
            spends.add(new Spend(text(s, "query", file), eps, delta, time));
        }
        return new Snapshot(dataset, total, spends);
    }

    private static void fields(JsonNode node, Path file, String what, Set<String> expected) {
        if (node == null || !node.isObject()) throw corrupt(file, what + " is not a JSON object");
        for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
            String name = it.next();
            if (!expected.contains(name)) throw corrupt(file, what + " has an unknown field \"" + name + "\"");
        }
        for (String name : expected) {
            if (!node.has(name)) throw corrupt(file, what + " lacks \"" + name + "\"");
        }
    }

    private static String text(JsonNode node, String field, Path file) {
        JsonNode v = node.get(field);
        if (!v.isTextual()) throw corrupt(file, "\"" + field + "\" is not a string");
        return v.textValue();
    }

    private static double number(JsonNode node, String field, Path file) {
        JsonNode v = node.get(field);
        if (!v.isNumber()) throw corrupt(file, "\"" + field + "\" is not a number");
        double d = v.decimalValue().doubleValue();
        if (!Double.isFinite(d)) throw corrupt(file, "\"" + field + "\" is out of range");
        return d;
    }

    static WardenException corrupt(Path file, String reason) {
        return new WardenException(ErrorCode.MALFORMED_INPUT, "budget ledger " + file + " is unreadable: " + reason
                + "; restore it from a backup (Warden will not guess how much budget was spent)");
    }
}
