package dev.convene.simulator.wecom;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.function.Predicate;

/**
 * A request body read the way WeCom reads it: every field has one JSON type, and a value of another
 * type (a number where a string is due, a string of digits where a number is due, {@code null}) is a
 * bad parameter, not something to coerce. Field paths in messages are dotted ({@code settings.password}).
 */
final class JsonBody {
    static final ObjectMapper JSON = new ObjectMapper();
    private static final long UINT32_MAX = 0xFFFF_FFFFL;

    private final ObjectNode node;
    private final String prefix;
    private final int invalidCode;

    private JsonBody(ObjectNode node, String prefix, int invalidCode) {
        this.node = node;
        this.prefix = prefix;
        this.invalidCode = invalidCode;
    }

    /** An empty body counts as {@code {}}; anything that is not a JSON object is refused. */
    static JsonBody parse(byte[] body, int invalidCode) {
        if (body.length == 0) {
            return new JsonBody(JSON.createObjectNode(), "", invalidCode);
        }
        try {
            JsonNode parsed = JSON.readTree(body);
            if (parsed instanceof ObjectNode object) {
                return new JsonBody(object, "", invalidCode);
            }
        } catch (IOException e) {
            // fall through: WeCom answers unparsable bodies with a parameter error, not a 400
        }
        throw new WeComError(invalidCode, "invalid json body: " + new String(body, 0, Math.min(body.length, 32), StandardCharsets.UTF_8));
    }

    /** A stored object read back with the same rules, e.g. a merge of what is held and what an update sent. */
    static JsonBody of(ObjectNode node, int invalidCode) {
        return new JsonBody(node, "", invalidCode);
    }

    /** The object itself, to copy validated fields into stored state. */
    ObjectNode node() {
        return node;
    }

    /**
     * What an update leaves: {@code held} with every field of {@code fields} that {@code sent} carries
     * replaced, except the object {@code nested}, whose members are replaced one by one.
     */
    static ObjectNode overlay(ObjectNode held, JsonBody sent, List<String> fields, String nested) {
        ObjectNode merged = held.deepCopy();
        for (String f : fields) {
            JsonNode v = sent.node.get(f);
            if (v == null) {
                continue;
            }
            if (f.equals(nested) && v.isObject() && merged.get(f) instanceof ObjectNode inner) {
                v.fields().forEachRemaining(e -> inner.set(e.getKey(), e.getValue().deepCopy()));
            } else {
                merged.set(f, v.deepCopy());
            }
        }
        return merged;
    }

    boolean has(String name) {
        return node.has(name);
    }

    WeComError invalid(String name, String why) {
        return new WeComError(invalidCode, "invalid " + prefix + name + ": " + why);
    }

    private Optional<JsonNode> field(String name, Predicate<JsonNode> type, String typeName) {
        JsonNode value = node.get(name);
        if (value == null) {
            return Optional.empty();
        }
        if (!type.test(value)) {
            throw invalid(name, "must be " + typeName);
        }
        return Optional.of(value);
    }

    private WeComError missing(String name) {
        return new WeComError(invalidCode, "missing required field " + prefix + name);
    }

    Optional<String> string(String name) {
        return field(name, JsonNode::isTextual, "a string").map(JsonNode::textValue);
    }

    String requiredString(String name) {
        return string(name).orElseThrow(() -> missing(name));
    }

    /** A non-negative integer that fits 32 bits, sent as a JSON number. */
    OptionalLong uint32(String name) {
        return field(name, v -> v.isIntegralNumber() && v.canConvertToLong() && v.longValue() >= 0 && v.longValue() <= UINT32_MAX,
                "an unsigned 32-bit number").map(v -> OptionalLong.of(v.longValue())).orElse(OptionalLong.empty());
    }

    long requiredUint32(String name) {
        OptionalLong value = uint32(name);
        if (value.isEmpty()) {
            throw missing(name);
        }
        return value.getAsLong();
    }

    OptionalInt int32(String name) {
        return field(name, v -> v.isIntegralNumber() && v.canConvertToInt(), "a 32-bit integer")
                .map(v -> OptionalInt.of(v.intValue())).orElse(OptionalInt.empty());
    }

    /** A number the field table types as {@code int} and restricts to a few values. */
    OptionalInt oneOf(String name, int... allowed) {
        OptionalInt value = int32(name);
        if (value.isPresent()) {
            for (int a : allowed) {
                if (a == value.getAsInt()) {
                    return value;
                }
            }
            throw invalid(name, "must be one of " + java.util.Arrays.toString(allowed));
        }
        return value;
    }

    Optional<Boolean> bool(String name) {
        return field(name, JsonNode::isBoolean, "a boolean").map(JsonNode::booleanValue);
    }

    boolean requiredBool(String name) {
        return bool(name).orElseThrow(() -> missing(name));
    }

    /** Webinar timestamps: Unix seconds written as a JSON string of digits. */
    OptionalLong numericString(String name) {
        return field(name, v -> v.isTextual() && v.textValue().matches("[0-9]{1,10}") && Long.parseLong(v.textValue()) <= UINT32_MAX,
                "a string of digits (Unix seconds)")
                .map(v -> OptionalLong.of(Long.parseLong(v.textValue()))).orElse(OptionalLong.empty());
    }

    long requiredNumericString(String name) {
        OptionalLong value = numericString(name);
        if (value.isEmpty()) {
            throw missing(name);
        }
        return value.getAsLong();
    }

    Optional<List<String>> strings(String name) {
        return field(name, v -> v.isArray() && allMatch(v, JsonNode::isTextual), "an array of strings").map(v -> {
            List<String> out = new ArrayList<>();
            v.forEach(e -> out.add(e.textValue()));
            return out;
        });
    }

    Optional<List<Integer>> ints(String name) {
        return field(name, v -> v.isArray() && allMatch(v, e -> e.isIntegralNumber() && e.canConvertToInt()), "an array of integers")
                .map(v -> {
                    List<Integer> out = new ArrayList<>();
                    v.forEach(e -> out.add(e.intValue()));
                    return out;
                });
    }

    Optional<JsonBody> object(String name) {
        return field(name, JsonNode::isObject, "an object")
                .map(v -> new JsonBody((ObjectNode) v, prefix + name + ".", invalidCode));
    }

    Optional<List<JsonBody>> objects(String name) {
        return field(name, v -> v.isArray() && allMatch(v, JsonNode::isObject), "an array of objects").map(v -> {
            List<JsonBody> out = new ArrayList<>();
            for (int i = 0; i < v.size(); i++) {
                out.add(new JsonBody((ObjectNode) v.get(i), prefix + name + "[" + i + "].", invalidCode));
            }
            return out;
        });
    }

    /** WeCom's user-list shape {@code {"userid": ["a", "b"]}}. */
    Optional<List<String>> userList(String name) {
        return object(name).map(o -> o.strings("userid").orElse(List.of()));
    }

    private static boolean allMatch(JsonNode array, Predicate<JsonNode> test) {
        for (JsonNode e : array) {
            if (!test.test(e)) {
                return false;
            }
        }
        return true;
    }

    // --- value rules shared by the three families -------------------------------------------

    static int codePoints(String s) {
        return s.codePointCount(0, s.length());
    }

    static int utf8Bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8).length;
    }

    /** Checks a string field against a rule, naming the field and the rule when it fails. */
    void check(String name, Optional<String> value, Predicate<String> rule, String ruleText) {
        value.ifPresent(v -> {
            if (!rule.test(v)) {
                throw invalid(name, ruleText);
            }
        });
    }

    static boolean isPassword(String s) {
        return s.matches("[0-9]{4,6}");
    }
}
