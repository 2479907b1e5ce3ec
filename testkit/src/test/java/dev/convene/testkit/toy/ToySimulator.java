package dev.convene.testkit.toy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.convene.simulator.FaultKind;
import dev.convene.simulator.FormEncoding;
import dev.convene.simulator.HttpSimulator;
import dev.convene.simulator.Operation;
import dev.convene.simulator.RecordedRequest;
import dev.convene.simulator.Routes;
import dev.convene.simulator.SimResponse;
import dev.convene.simulator.SimulatorFactory;
import dev.convene.simulator.SimulatorOptions;
import dev.convene.simulator.StoredSession;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A tiny invented vendor ("Toy Meetings") for the testkit's own tests: bearer tokens from
 * {@code POST /oauth/token}, sessions under {@code /v1/sessions}. Setting {@code max-title} (default 80)
 * is the longest title it accepts. A cancelled meeting stays, with status {@code cancelled}, and is listed
 * only when {@code include_cancelled=true} asks for it; a cancelled webinar is deleted (as Zoom deletes).
 */
public final class ToySimulator extends HttpSimulator {
    public static final class Factory implements SimulatorFactory {
        @Override
        public String vendor() {
            return "toy";
        }

        @Override
        public ToySimulator start(SimulatorOptions options) {
            return new ToySimulator(options);
        }
    }

    private static final ObjectMapper JSON = new ObjectMapper();
    /** The toy vendor's endpoints; {@link #handle} answers by their operation. */
    private static final Routes<Operation> ROUTES = new Routes<Operation>()
            .add("POST", "/oauth/token", Operation.TOKEN, Operation.TOKEN)
            .add("POST", "/v1/sessions", Operation.CREATE, Operation.CREATE)
            .add("GET", "/v1/sessions", Operation.LIST, Operation.LIST)
            .add("GET", "/v1/sessions/{id}", Operation.GET, Operation.GET)
            .add("PATCH", "/v1/sessions/{id}", Operation.UPDATE, Operation.UPDATE)
            .add("POST", "/v1/sessions/{id}/cancel", Operation.CANCEL, Operation.CANCEL);
    private final Map<String, Instant> tokens = new HashMap<>();
    private final Map<String, ObjectNode> sessions = new LinkedHashMap<>();
    private final int maxTitle;
    private long nextId = 1000;
    private int nextToken;

    ToySimulator(SimulatorOptions options) {
        super("toy", options);
        maxTitle = Integer.parseInt(options.setting("max-title").orElse("80"));
    }

    @Override
    public Map<String, String> properties() {
        return Map.of("convene.provider", "toy", "convene.toy.base-url", baseUrl().toString(),
                "convene.toy.key", "toy-key", "convene.toy.secret", "toy-secret-value");
    }

    @Override
    public Map<String, String> propertiesWithBadCredentials() {
        Map<String, String> p = new HashMap<>(properties());
        p.put("convene.toy.secret", "wrong-secret-value");
        return p;
    }

    @Override
    public List<StoredSession> sessions() {
        return locked(() -> sessions.values().stream().map(s -> new StoredSession(s.get("id").asText(), s.get("kind").asText(),
                s.get("title").asText(), Instant.ofEpochSecond(s.get("start").asLong()), s.get("status").asText(),
                !s.get("status").asText().equals("scheduled"))).toList());
    }

    @Override
    public void revokeTokens() {
        locked(() -> {
            tokens.clear();
            return null;
        });
    }

    @Override
    public void expireTokens() {
        locked(() -> {
            tokens.replaceAll((k, v) -> now());
            return null;
        });
    }

    @Override
    protected Routes<Operation> routes() {
        return ROUTES;
    }

    @Override
    protected SimResponse faultResponse(FaultKind kind, RecordedRequest request) {
        return kind == FaultKind.RATE_LIMITED
                ? error(429, "rate_limited", "slow down").withHeader("Retry-After", "1")
                : error(503, "unavailable", "try later");
    }

    @Override
    protected SimResponse handle(RecordedRequest r) {
        try {
            if (r.operation() == Operation.TOKEN) {
                Map<String, String> form = FormEncoding.decode(r.bodyText());
                if (!"toy-key".equals(form.get("key")) || !"toy-secret-value".equals(form.get("secret"))) {
                    return error(401, "bad_credentials", "unknown key or secret");
                }
                String token = "toy-token-" + (++nextToken) + "-" + Long.toHexString(System.identityHashCode(this));
                tokens.put(token, now().plusSeconds(3600));
                return SimResponse.json(200, "{\"access_token\":\"" + token + "\",\"expires_in\":3600}");
            }
            String auth = r.header("Authorization").orElse("");
            Instant expiry = auth.startsWith("Bearer ") ? tokens.get(auth.substring(7)) : null;
            if (expiry == null || !expiry.isAfter(now())) {
                return error(401, "invalid_token", "token missing, unknown or expired");
            }
            String[] parts = r.rawPath().split("/");
            return switch (r.operation()) {
                case CREATE -> create(JSON.readTree(r.body()));
                case LIST -> list(r);
                case GET -> find(parts[3]) == null ? notFound(parts[3]) : SimResponse.json(200, find(parts[3]).toString());
                case UPDATE -> update(parts[3], JSON.readTree(r.body()));
                case CANCEL -> cancel(parts[3]);
                default -> error(404, "no_route", r.rawPath());
            };
        } catch (IOException e) {
            return error(400, "invalid", "body is not JSON");
        }
    }

    private ObjectNode find(String id) {
        ObjectNode s = sessions.get(id);
        return s == null || s.get("status").asText().equals("deleted") ? null : s;
    }

    private SimResponse create(JsonNode body) {
        String problem = check(body, true);
        if (problem != null) {
            return error(400, "invalid", problem);
        }
        ObjectNode s = ((ObjectNode) body).deepCopy();
        String id = Long.toString(nextId++);
        s.put("id", id).put("status", "scheduled");
        sessions.put(id, s);
        return SimResponse.json(201, s.toString());
    }

    private SimResponse update(String id, JsonNode body) {
        ObjectNode s = find(id);
        if (s == null) {
            return notFound(id);
        }
        String problem = check(body, false);
        if (problem != null) {
            return error(400, "invalid", problem);
        }
        body.fields().forEachRemaining(e -> s.set(e.getKey(), e.getValue()));
        return SimResponse.json(200, s.toString());
    }

    private SimResponse cancel(String id) {
        ObjectNode s = find(id);
        if (s == null) {
            return notFound(id);
        }
        if (s.get("status").asText().equals("cancelled")) {
            return error(409, "already_cancelled", "session " + id + " is cancelled already");
        }
        s.put("status", s.get("kind").asText().equals("webinar") ? "deleted" : "cancelled");
        return SimResponse.empty(204);
    }

    private SimResponse list(RecordedRequest r) {
        String kind = r.query("kind").orElse("meeting");
        int size = Integer.parseInt(r.query("page_size").orElse("10"));
        int from = Integer.parseInt(r.query("cursor").orElse("0"));
        boolean cancelledToo = r.query("include_cancelled").orElse("false").equals("true");
        List<ObjectNode> matching = new ArrayList<>(sessions.values().stream()
                .filter(s -> s.get("kind").asText().equals(kind) && !s.get("status").asText().equals("deleted")
                        && (cancelledToo || !s.get("status").asText().equals("cancelled"))).toList());
        List<ObjectNode> page = matching.subList(Math.min(from, matching.size()), Math.min(from + size, matching.size()));
        ObjectNode out = JSON.createObjectNode();
        out.putArray("items").addAll(page);
        out.put("next_cursor", from + size < matching.size() ? Integer.toString(from + size) : "");
        return SimResponse.json(200, out.toString());
    }

    private String check(JsonNode body, boolean create) {
        for (String field : create ? List.of("kind", "title", "start", "minutes") : List.<String>of()) {
            if (!body.hasNonNull(field)) {
                return field + " is required";
            }
        }
        if (body.has("title") && body.get("title").asText().length() > maxTitle) {
            return "title longer than " + maxTitle;
        }
        if (body.has("start") && !body.get("start").isIntegralNumber()) {
            return "start must be a number";
        }
        return null;
    }

    private static SimResponse notFound(String id) {
        return error(404, "not_found", "no session " + id);
    }

    private static SimResponse error(int status, String code, String message) {
        ObjectNode n = JSON.createObjectNode().put("error", code).put("message", message);
        return SimResponse.json(status, n.toString());
    }
}
