package dev.convene.simulator.zoom;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.convene.simulator.FormEncoding;
import dev.convene.simulator.RecordedRequest;
import dev.convene.simulator.SimResponse;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Base64;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The S2S OAuth endpoint (spec §1.1) and the bearer check on every API call (§1.2, §1.3, §10 items 1–3).
 * Tokens are opaque random strings with a clock-driven lifetime; how many may live at once is a switch,
 * because Zoom has both let several live and made a new token revoke the previous one.
 */
final class ZoomTokens {
    /** A live token and what it may do. */
    record Token(String value, Instant expiresAt, Set<String> scopes, String clientId) {
    }

    private static final Base64.Encoder URL = Base64.getUrlEncoder().withoutPadding();

    private final ObjectMapper json;
    private final ZoomSettings settings;
    private final SecureRandom random = new SecureRandom();
    /** Oldest first, so "max live tokens" evicts from the front. */
    private final LinkedHashMap<String, Token> live = new LinkedHashMap<>();
    /** The S2S apps of the account, client id to secret: the simulator's own, and any a test added. */
    private final Map<String, String> apps = new HashMap<>(Map.of(ZoomSimulator.CLIENT_ID, ZoomSimulator.CLIENT_SECRET));
    private int maxLive;
    private int requests;
    private int issued;

    ZoomTokens(ObjectMapper json, ZoomSettings settings) {
        this.json = json;
        this.settings = settings;
        this.maxLive = settings.maxLiveTokens();
    }

    void maxLive(int max) {
        maxLive = max;
        Set.copyOf(apps.keySet()).forEach(this::evict);
    }

    /** Another S2S app on the primary account, with its own tokens. */
    void addApp(String clientId, String secret) {
        apps.put(clientId, secret);
    }

    int requests() {
        return requests;
    }

    int issued() {
        return issued;
    }

    void revokeAll() {
        live.clear();
    }

    void expireAll(Instant now) {
        live.replaceAll((k, t) -> new Token(t.value(), now, t.scopes(), t.clientId()));
    }

    SimResponse token(RecordedRequest request, Instant now, String apiUrl) {
        requests++;
        if (!request.method().equals("POST")) {
            return oauthError(405, "invalid_request", "Method not allowed");
        }
        Map<String, String> params = FormEncoding.decode(contentType(request).startsWith("application/x-www-form-urlencoded")
                ? request.bodyText() : "");
        if (params.isEmpty() && !request.rawQuery().isEmpty()) {
            // §1.1: query-string-only token requests started failing with 400; the body form is what works.
            if (!settings.acceptTokenQueryForm()) {
                return oauthError(400, "invalid_request", "Bad Request");
            }
            params = request.queryParameters();
        }
        Optional<String[]> basic = basicCredentials(request);
        if (basic.isEmpty() || params.get("grant_type") == null) {
            return oauthError(400, "invalid_request", "Missing client id, client secret or grant type");
        }
        if (!basic.get()[1].equals(apps.get(basic.get()[0]))) {
            return oauthError(401, "invalid_client", "Invalid client_id or client_secret");
        }
        if (!params.get("grant_type").equals("account_credentials")) {
            return oauthError(400, "unsupported_grant_type", "unsupported grant type");
        }
        if (!ZoomSimulator.PRIMARY_ACCOUNT_ID.equals(params.get("account_id"))) {
            return oauthError(400, "invalid_request", "Invalid account_id");
        }
        String value = "eyJzaW0iOiJ6b29tIn0." + URL.encodeToString(bytes(48));
        live.put(value, new Token(value, now.plusSeconds(settings.tokenTtlSeconds()), settings.scopes(), basic.get()[0]));
        issued++;
        evict(basic.get()[0]);
        ObjectNode body = json.createObjectNode()
                .put("access_token", value)
                .put("token_type", "bearer")
                .put("expires_in", settings.tokenTtlSeconds())
                .put("scope", String.join(" ", settings.scopes().stream().sorted().toList()))
                .put("api_url", apiUrl);
        return SimResponse.json(200, body.toString());
    }

    /** The caller's token, or the 401 / 124 answer (§1.3). */
    Token check(RecordedRequest request, Instant now) {
        String header = request.header("Authorization").orElse("");
        if (!header.regionMatches(true, 0, "Bearer ", 0, 7)) {
            throw ZoomError.of(401, 124, "Invalid access token.");
        }
        Token token = live.get(header.substring(7).trim());
        if (token == null) {
            throw ZoomError.of(401, 124, "Invalid access token.");
        }
        if (!now.isBefore(token.expiresAt())) {
            throw ZoomError.of(401, 124, settings.distinctTokenMessages() ? "Access token is expired." : "Invalid access token.");
        }
        return token;
    }

    /** Each app keeps at most {@code maxLive} tokens, its oldest revoked first. */
    private void evict(String clientId) {
        long count = live.values().stream().filter(t -> t.clientId().equals(clientId)).count();
        Iterator<Token> oldest = live.values().iterator();
        while (count > maxLive && oldest.hasNext()) {
            if (oldest.next().clientId().equals(clientId)) {
                oldest.remove();
                count--;
            }
        }
    }

    private static String contentType(RecordedRequest request) {
        return request.header("Content-Type").orElse("").toLowerCase(java.util.Locale.ROOT);
    }

    private static Optional<String[]> basicCredentials(RecordedRequest request) {
        String header = request.header("Authorization").orElse("");
        if (!header.regionMatches(true, 0, "Basic ", 0, 6)) {
            return Optional.empty();
        }
        try {
            String pair = new String(Base64.getDecoder().decode(header.substring(6).trim()), StandardCharsets.UTF_8);
            int colon = pair.indexOf(':');
            return colon < 0 ? Optional.empty() : Optional.of(new String[] {pair.substring(0, colon), pair.substring(colon + 1)});
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /** Token-endpoint errors use an OAuth-style shape, not the API's {@code code}/{@code message} (§1.1, UNCONFIRMED). */
    private SimResponse oauthError(int status, String error, String reason) {
        return SimResponse.json(status, json.createObjectNode().put("reason", reason).put("error", error).toString());
    }

    private byte[] bytes(int n) {
        byte[] b = new byte[n];
        random.nextBytes(b);
        return b;
    }
}
