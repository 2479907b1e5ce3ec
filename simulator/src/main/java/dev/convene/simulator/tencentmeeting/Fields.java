package dev.convene.simulator.tencentmeeting;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Typed reads of one JSON object, strict about JSON types the way Tencent's Go backend is: a number
 * where a string is declared (or the reverse) fails to unmarshal and is answered with 190004.
 */
final class Fields {
    private static final Pattern SECONDS = Pattern.compile("\\d{1,12}");

    private final ObjectNode node;
    private final String path;

    private Fields(ObjectNode node, String path) {
        this.node = node;
        this.path = path;
    }

    static Fields of(ObjectNode node) {
        return new Fields(node, "");
    }

    ObjectNode node() {
        return node;
    }

    boolean has(String name) {
        JsonNode v = node.get(name);
        return v != null && !v.isNull();
    }

    String requiredString(String name) {
        return string(name).orElseThrow(() -> missing(name));
    }

    Optional<String> string(String name) {
        JsonNode v = value(name);
        if (v == null) {
            return Optional.empty();
        }
        if (!v.isTextual()) {
            throw typeMismatch(name, v, "string");
        }
        return Optional.of(v.textValue());
    }

    long requiredInt(String name) {
        return integer(name).orElseThrow(() -> missing(name));
    }

    Optional<Long> integer(String name) {
        JsonNode v = value(name);
        if (v == null) {
            return Optional.empty();
        }
        if (!v.isIntegralNumber() || !v.canConvertToLong()) {
            throw typeMismatch(name, v, "int64");
        }
        return Optional.of(v.longValue());
    }

    Optional<Boolean> bool(String name) {
        JsonNode v = value(name);
        if (v == null) {
            return Optional.empty();
        }
        if (!v.isBoolean()) {
            throw typeMismatch(name, v, "bool");
        }
        return Optional.of(v.booleanValue());
    }

    /** A Unix time in seconds sent as a JSON string of digits, as every meeting timestamp is (spec §3). */
    long requiredSeconds(String name) {
        return seconds(name).orElseThrow(() -> missing(name));
    }

    Optional<Long> seconds(String name) {
        return string(name).map(s -> {
            if (!SECONDS.matcher(s).matches()) {
                throw TencentMeetingError.invalid("invalid param: " + path + name + " must be a timestamp in seconds, got \"" + s + "\"");
            }
            return Long.parseLong(s);
        });
    }

    Optional<ArrayNode> array(String name) {
        JsonNode v = value(name);
        if (v == null) {
            return Optional.empty();
        }
        if (!v.isArray()) {
            throw typeMismatch(name, v, "array");
        }
        return Optional.of((ArrayNode) v);
    }

    Optional<Fields> object(String name) {
        JsonNode v = value(name);
        if (v == null) {
            return Optional.empty();
        }
        if (!v.isObject()) {
            throw typeMismatch(name, v, "object");
        }
        return Optional.of(new Fields((ObjectNode) v, path + name + "."));
    }

    /** An element of an array of objects, read with this object's path for messages. */
    Fields element(String arrayName, int index, JsonNode element) {
        if (!element.isObject()) {
            throw typeMismatch(arrayName + "[" + index + "]", element, "object");
        }
        return new Fields((ObjectNode) element, path + arrayName + "[" + index + "].");
    }

    String path(String name) {
        return path + name;
    }

    TencentMeetingError missing(String name) {
        return TencentMeetingError.invalid("missing required param: " + path + name);
    }

    private JsonNode value(String name) {
        JsonNode v = node.get(name);
        return v == null || v.isNull() ? null : v;
    }

    private TencentMeetingError typeMismatch(String name, JsonNode v, String expected) {
        return TencentMeetingError.invalid("failed to unmarshal req body: json: cannot unmarshal " + jsonType(v)
                + " into Go struct field " + path + name + " of type " + expected);
    }

    private static String jsonType(JsonNode v) {
        if (v.isTextual()) {
            return "string";
        }
        if (v.isNumber()) {
            return "number";
        }
        if (v.isBoolean()) {
            return "bool";
        }
        return v.isArray() ? "array" : "object";
    }
}
