package dev.convene.events.internal;

import com.squareup.moshi.JsonDataException;
import com.squareup.moshi.JsonReader;
import dev.convene.events.EventResult.Reason;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import okio.Buffer;

/**
 * A JSON payload as maps, lists, strings, booleans and nulls, read with Moshi's reader. Numbers are kept as
 * the text the vendor wrote: ids like Tencent's 19-digit meeting ids would lose digits as doubles.
 */
final class JsonTree {
    private JsonTree() {
    }

    /** The object {@code json} holds; anything else (an array, bad JSON, a repeated key) is refused as malformed. */
    static Map<String, Object> object(byte[] json) throws Refusal {
        try (JsonReader reader = JsonReader.of(new Buffer().write(json))) {
            if (reader.peek() != JsonReader.Token.BEGIN_OBJECT) {
                throw new Refusal(Reason.MALFORMED, "the body is not a JSON object");
            }
            @SuppressWarnings("unchecked")
            Map<String, Object> root = (Map<String, Object>) value(reader);
            if (reader.peek() != JsonReader.Token.END_DOCUMENT) {
                throw new Refusal(Reason.MALFORMED, "the body has more after its JSON object");
            }
            return root;
        } catch (JsonDataException | IOException e) {
            throw new Refusal(Reason.MALFORMED, "the body is not well-formed JSON");
        }
    }

    private static Object value(JsonReader reader) throws IOException, Refusal {
        switch (reader.peek()) {
            case BEGIN_OBJECT -> {
                Map<String, Object> map = new HashMap<>();
                reader.beginObject();
                while (reader.hasNext()) {
                    String name = reader.nextName();
                    if (map.containsKey(name)) {
                        throw new Refusal(Reason.MALFORMED, "the JSON repeats the key '" + printable(name) + "'");
                    }
                    map.put(name, value(reader));
                }
                reader.endObject();
                return map;
            }
            case BEGIN_ARRAY -> {
                List<Object> list = new ArrayList<>();
                reader.beginArray();
                while (reader.hasNext()) {
                    list.add(value(reader));
                }
                reader.endArray();
                return list;
            }
            case BOOLEAN -> {
                return reader.nextBoolean();
            }
            case NULL -> {
                return reader.nextNull();
            }
            default -> {
                // strings and numbers alike: a number's text as written
                return reader.nextString();
            }
        }
    }

    /** The value at a path of object keys and list indexes, or {@code null} when any step is missing or of another shape. */
    static Object at(Object root, Object... path) {
        Object node = root;
        for (Object step : path) {
            if (step instanceof String key && node instanceof Map<?, ?> map) {
                node = map.get(key);
            } else if (step instanceof Integer index && node instanceof List<?> list && index < list.size()) {
                node = list.get(index);
            } else {
                return null;
            }
        }
        return node;
    }

    /** A string or number at the path as text, or {@code null}; a blank value counts as missing. */
    static String text(Object root, Object... path) {
        Object v = at(root, path);
        return v instanceof String s && !s.isBlank() ? s : null;
    }

    /** A vendor-sent name, cut short and reduced to printable ASCII, for messages. */
    static String printable(String s) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < s.length() && b.length() < 40; i++) {
            char c = s.charAt(i);
            b.append(c >= 0x20 && c < 0x7f ? c : '?');
        }
        return b.toString();
    }
}
