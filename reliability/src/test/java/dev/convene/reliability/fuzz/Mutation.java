package dev.convene.reliability.fuzz;

import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * One change to a vendor's answer, written as one line so the corpus can keep it:
 * <ul>
 *   <li>{@code drop /pointer}: remove the member or element</li>
 *   <li>{@code set /pointer JSON}: replace the value (JSON may be any text, also invalid JSON)</li>
 *   <li>{@code nest /pointer N}: wrap the value in N arrays</li>
 *   <li>{@code dup NAME JSON}: add a second {@code NAME} member at the top with another value</li>
 *   <li>{@code body TEXT}: replace the whole body (escapes and {@code <repeat N>} as in the corpus files)</li>
 *   <li>{@code truncate N}: keep the first N bytes</li>
 *   <li>{@code cut N}: announce the whole body, send N bytes, close the connection</li>
 *   <li>{@code status CODE keep|empty [RETRY-AFTER]}: another status, the same or an empty body, and a Retry-After header</li>
 *   <li>{@code type CONTENT-TYPE}: another Content-Type</li>
 *   <li>{@code again}: the first answer it met, each time (with a sticky proxy: the same page for ever)</li>
 * </ul>
 * JSON pointers follow RFC 6901 ({@code /meeting_info_list/0/start_time}).
 */
abstract class Mutation {
    static final ObjectMapper JSON = new ObjectMapper();

    /** An answer: status, headers, body; {@code cutAfter} ≥ 0 ends the connection after that many body bytes. */
    record Answer(int status, Map<String, String> headers, byte[] body, int cutAfter) {
        Answer(int status, Map<String, String> headers, byte[] body) {
            this(status, headers, body, -1);
        }

        Answer withBody(byte[] b) {
            return new Answer(status, headers, b, cutAfter);
        }
    }

    abstract Answer apply(Answer answer);

    // ---- concrete mutations, from their one-line form ------------------------------------------------

    static Mutation parse(String spec) {
        String[] p = spec.split(" ", 3);
        String rest = p.length > 2 ? p[2] : "";
        return switch (p[0]) {
            case "drop" -> new Concrete(spec, a -> onTree(a, root -> drop(root, p[1])));
            case "set" -> new Concrete(spec, a -> onTree(a, root -> set(root, p[1], Fuzz.expand(rest))));
            case "nest" -> new Concrete(spec, a -> onTree(a, root -> set(root, p[1], "[".repeat(Integer.parseInt(rest))
                    + text(root.at(p[1])) + "]".repeat(Integer.parseInt(rest)))));
            case "dup" -> new Concrete(spec, a -> {
                String value = Fuzz.expand(rest);
                String body = new String(a.body(), StandardCharsets.UTF_8);
                int brace = body.indexOf('{');
                return brace < 0 ? a : a.withBody((body.substring(0, brace + 1) + JSON.valueToTree(p[1]) + ":" + value
                        + (body.substring(brace + 1).trim().startsWith("}") ? "" : ",") + body.substring(brace + 1)).getBytes(StandardCharsets.UTF_8));
            });
            case "body" -> {
                String text = Fuzz.unescape(Fuzz.expand(spec.substring(spec.indexOf(' ') + 1)));
                yield new Concrete(spec, a -> a.withBody(text.getBytes(StandardCharsets.UTF_8)));
            }
            case "again" -> new Again(spec);
            case "truncate" -> new Concrete(spec, a -> a.withBody(Arrays.copyOf(a.body(), Math.min(a.body().length, Integer.parseInt(p[1])))));
            case "cut" -> new Concrete(spec, a -> new Answer(a.status(), a.headers(), a.body(), Integer.parseInt(p[1])));
            case "status" -> {
                String[] q = spec.split(" ", 4);
                String retryAfter = q.length > 3 ? Fuzz.unescape(q[3]) : null;
                yield new Concrete(spec, a -> {
                    Map<String, String> headers = new LinkedHashMap<>(a.headers());
                    if (retryAfter != null) {
                        headers.put("Retry-After", retryAfter);
                    }
                    return new Answer(Integer.parseInt(q[1]), headers, q[2].equals("empty") ? new byte[0] : a.body());
                });
            }
            case "type" -> new Concrete(spec, a -> {
                Map<String, String> headers = new LinkedHashMap<>(a.headers());
                headers.put("Content-Type", spec.substring(5));
                return new Answer(a.status(), headers, a.body());
            });
            default -> throw new IllegalArgumentException("unknown mutation '" + spec + "'");
        };
    }

    /** Rewrites the JSON tree; a body that is not JSON is left as it is. */
    private static Answer onTree(Answer a, java.util.function.Function<JsonNode, String> edit) {
        JsonNode root;
        try {
            root = JSON.readTree(a.body());
        } catch (Exception e) {
            return a;
        }
        if (root == null) {
            return a;
        }
        return a.withBody(edit.apply(root).getBytes(StandardCharsets.UTF_8));
    }

    private static String text(JsonNode node) {
        try {
            return node == null || node.isMissingNode() ? "null" : JSON.writeValueAsString(node);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** Sets {@code raw} (any text) at {@code pointer} by writing a placeholder there and replacing it in the printed tree. */
    private static String set(JsonNode root, String pointer, String raw) {
        String marker = "\u0000MUTATION\u0000";
        if (pointer.isEmpty()) {
            return raw;
        }
        JsonPointer ptr = JsonPointer.compile(pointer);
        JsonNode parent = root.at(ptr.head());
        if (parent instanceof ObjectNode o) {
            o.set(ptr.last().getMatchingProperty(), TextNode.valueOf(marker));
        } else if (parent instanceof ArrayNode arr && ptr.last().getMatchingIndex() >= 0 && ptr.last().getMatchingIndex() < arr.size()) {
            arr.set(ptr.last().getMatchingIndex(), TextNode.valueOf(marker));
        } else {
            return text(root);
        }
        return text(root).replace(text(TextNode.valueOf(marker)), raw);
    }

    private static String drop(JsonNode root, String pointer) {
        JsonPointer ptr = JsonPointer.compile(pointer);
        JsonNode parent = root.at(ptr.head());
        if (parent instanceof ObjectNode o) {
            o.remove(ptr.last().getMatchingProperty());
        } else if (parent instanceof ArrayNode arr && ptr.last().getMatchingIndex() >= 0 && ptr.last().getMatchingIndex() < arr.size()) {
            arr.remove(ptr.last().getMatchingIndex());
        }
        return text(root);
    }

    /** {@code again}: the first answer it meets, every time after that too (a vendor that serves the same page for ever). */
    private static final class Again extends Mutation {
        private final String spec;
        private Answer first;

        Again(String spec) {
            this.spec = spec;
        }

        @Override
        synchronized Answer apply(Answer answer) {
            if (first == null) {
                first = answer;
            }
            return first;
        }

        @Override
        public String toString() {
            return spec;
        }
    }

    private static final class Concrete extends Mutation {
        private final String spec;
        private final java.util.function.UnaryOperator<Answer> f;

        Concrete(String spec, java.util.function.UnaryOperator<Answer> f) {
            this.spec = spec;
            this.f = f;
        }

        @Override
        Answer apply(Answer answer) {
            return f.apply(answer);
        }

        @Override
        public String toString() {
            return spec;
        }
    }

    // ---- random mutations -----------------------------------------------------------------------------

    /** Values that break readers: wrong types, nulls, huge and tiny numbers, odd dates and enums, odd text. */
    static final List<String> VALUES = List.of("null", "\"\"", "\"x\"", "0", "-1", "1.5", "1e400", "-1e400", "99999999999999999999999",
            "9223372036854775807", "-9223372036854775808", "4294967296", "2147483648", "true", "false", "[]", "{}", "[null]", "[{}]",
            "\"9999999999999\"", "\"-1\"", "\"1.5\"", "\" 12 \"", "\"2030-13-45T25:61:00Z\"", "\"not a date\"", "\"2030-03-04T01:00:00\"",
            "\"+999999999-12-31T23:59:59Z\"", "\"1970-01-01T00:00:00Z\"", "\"UNKNOWN_STATE\"", "\"MEETING_STATE_CANCELLED\"", "\"waiting\"",
            "\"\\u0000\"", "\"\\ud800\"", "\"😀\"", "\"Asia/Nowhere\"", "\"+25:00\"", "\"<repeat 100000>x</repeat>\"", "40001", "42001", "40058",
            "45009", "-1", "124", "9102", "\"0\"", "\"1\"", "\"true\"", "[1,2,3]", "{\"a\":1}", "\"https://\"", "\" \"");

    private static final List<String> BODIES = List.of("", "null", "[]", "{}", "0", "\"text\"", "true", "<html><body>502 Bad Gateway</body></html>",
            "{\"errcode\":0}", "{\"errcode\":0,\"errmsg\":\"ok\"}", "\\uFEFF{}", "{} {}", "{}garbage", "{\"a\":", "{\"a\":1,}", "[1,]", "{'a':1}",
            "{\"a\":NaN}", "{\"a\":Infinity}", "\\u0000", "<repeat 100000>[</repeat>", "<repeat 100000>{\"a\":</repeat>", "\\uD800",
            "{\"error\":{\"code\":1,\"message\":\"x\"}}", "{\"code\":124,\"message\":\"Invalid access token.\"}",
            "{\"error_info\":{\"error_code\":500000,\"message\":\"x\"}}", "{\"meeting_info_list\":null}", "{\"meetings\":null}");

    /** 1xx is left out: a client rightly waits for a final answer, until its read timeout (3 s here), which only slows the run. */
    private static final List<String> STATUSES = List.of("200", "201", "202", "204", "301", "304", "400", "401", "403", "404", "409", "410",
            "429", "500", "502", "503", "504", "599", "999");
    private static final List<String> RETRY_AFTERS = List.of("", "0", "1", "-1", "abc", "1.5", "99999999999999999999", "2147483648",
            "Wed, 21 Oct 2015 07:28:00 GMT", "2030-03-04T01:00:00Z", "2030-03-04T01:00:00", " 5 ", "\\u0000");

    /** A random mutation; which member or element it touches is decided against the answer it meets. */
    static Mutation random(Random r) {
        return new RandomMutation(r.nextLong());
    }

    private static final class RandomMutation extends Mutation {
        private final long seed;
        private String chosen = "(not applied)";

        RandomMutation(long seed) {
            this.seed = seed;
        }

        @Override
        Answer apply(Answer answer) {
            Mutation m = parse(choose(new Random(seed), answer));
            chosen = m.toString();
            return m.apply(answer);
        }

        @Override
        public String toString() {
            return chosen;
        }
    }

    static String choose(Random r, Answer answer) {
        List<String> pointers = new ArrayList<>();
        try {
            JsonNode root = JSON.readTree(answer.body());
            if (root != null) {
                collect(root, "", pointers);
            }
        } catch (Exception notJson) {
            // only the whole-body mutations apply
        }
        int dice = r.nextInt(pointers.isEmpty() ? 40 : 100);
        String pointer = pointers.isEmpty() ? "" : pointers.get(r.nextInt(pointers.size()));
        if (dice < 25 && !pointer.isEmpty()) {
            return "drop " + pointer;
        }
        if (dice < 40 && !pointer.isEmpty()) {
            return "set " + pointer + " " + typeFlip(r, answer, pointer);
        }
        if (dice < 70 && !pointers.isEmpty()) {
            return "set " + pointer + " " + Fuzz.pick(r, VALUES);
        }
        if (dice < 73 && !pointer.isEmpty()) {
            return "nest " + pointer + " " + Fuzz.pick(r, 1, 50, 300, 100_000);
        }
        if (dice < 76 && !pointers.isEmpty()) {
            return "dup " + Fuzz.pick(r, "errcode", "errmsg", "id", "meeting_id", "meetingid", "start_time", "topic", "code") + " "
                    + Fuzz.pick(r, VALUES);
        }
        return switch (r.nextInt(6)) {
            case 0 -> "body " + Fuzz.pick(r, BODIES);
            case 1 -> "truncate " + r.nextInt(Math.max(1, answer.body().length));
            case 2 -> "cut " + r.nextInt(Math.max(1, answer.body().length));
            case 3 -> "status " + Fuzz.pick(r, STATUSES) + " " + Fuzz.pick(r, "keep", "empty") + (r.nextBoolean() ? "" : " " + Fuzz.pick(r, RETRY_AFTERS));
            case 4 -> "type " + Fuzz.pick(r, "text/html", "application/xml", "application/json; charset=utf-16", "", "application/octet-stream");
            default -> "body " + Fuzz.pick(r, BODIES);
        };
    }

    /** The same value in another JSON type: numbers become strings and back, booleans 0/1, containers swap. */
    private static String typeFlip(Random r, Answer answer, String pointer) {
        try {
            JsonNode v = JSON.readTree(answer.body()).at(pointer);
            if (v.isNumber()) {
                return JSON.writeValueAsString(v.asText());
            }
            if (v.isTextual()) {
                String t = v.textValue();
                return t.matches("-?\\d{1,18}") ? t : r.nextBoolean() ? "[" + JSON.writeValueAsString(t) + "]" : "{\"value\":" + JSON.writeValueAsString(t) + "}";
            }
            if (v.isBoolean()) {
                return v.booleanValue() ? "1" : "0";
            }
            if (v.isArray()) {
                return v.isEmpty() ? "{}" : JSON.writeValueAsString(v.get(0));
            }
            if (v.isObject()) {
                return "[" + JSON.writeValueAsString(v) + "]";
            }
        } catch (Exception e) {
            // fall through
        }
        return "\"flipped\"";
    }

    private static void collect(JsonNode node, String at, List<String> out) {
        if (!at.isEmpty()) {
            out.add(at);
        }
        if (node.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                collect(e.getValue(), at + "/" + e.getKey().replace("~", "~0").replace("/", "~1"), out);
            }
        } else if (node.isArray()) {
            for (int i = 0; i < node.size() && i < 5; i++) {
                collect(node.get(i), at + "/" + i, out);
            }
        }
    }
}
