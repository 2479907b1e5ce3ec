package dev.convene.simulator.wecom;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Random;

/**
 * The apps of the fake corp and the access tokens they were issued (spec §1). A token belongs to one
 * app: each app sees and changes only what it created itself (spec §2, §3, §4 permission notes).
 * Not thread-safe: used under the simulator lock.
 */
final class WeComTokens {
    /** One self-built application: its secret, agent id, and which API families it may call (48002 otherwise). */
    static final class App {
        final String name;
        final String secret;
        final int agentId;
        boolean meetingApi = true;
        boolean livingApi = true;
        int tokenRequests;

        App(String name, String secret, int agentId) {
            this.name = name;
            this.secret = secret;
            this.agentId = agentId;
        }
    }

    private static final class Issued {
        final App app;
        Instant expiresAt;
        boolean revoked;

        Issued(App app, Instant expiresAt) {
            this.app = app;
            this.expiresAt = expiresAt;
        }
    }

    private final String corpId;
    private final Map<String, App> appsBySecret = new HashMap<>();
    private final Map<String, Issued> issued = new HashMap<>();
    private final Duration ttl;
    private final boolean reuseWhileValid;
    private final int expiredErrcode;
    private final Random random;

    WeComTokens(String corpId, Duration ttl, boolean reuseWhileValid, int expiredErrcode, long seed) {
        this.corpId = corpId;
        this.ttl = ttl;
        this.reuseWhileValid = reuseWhileValid;
        this.expiredErrcode = expiredErrcode;
        this.random = new Random(seed);
    }

    App addApp(String name, String secret, int agentId) {
        App app = new App(name, secret, agentId);
        appsBySecret.put(secret, app);
        return app;
    }

    /** {@code gettoken}: 41002/41004 for a missing parameter, 40013 for a wrong corp, 40001 for a wrong secret. */
    String issue(Optional<String> corpid, Optional<String> corpsecret, Instant now) {
        String id = corpid.filter(s -> !s.isEmpty()).orElseThrow(() -> new WeComError(41002, "corpid missing"));
        String secret = corpsecret.filter(s -> !s.isEmpty()).orElseThrow(() -> new WeComError(41004, "corpsecret missing"));
        if (!id.equals(corpId)) {
            throw new WeComError(40013, "invalid corpid");
        }
        App app = appsBySecret.get(secret);
        if (app == null) {
            throw new WeComError(40001, "invalid credential, access_token is invalid or not latest");
        }
        app.tokenRequests++;
        if (reuseWhileValid) {
            for (Map.Entry<String, Issued> e : issued.entrySet()) {
                Issued t = e.getValue();
                if (t.app == app && !t.revoked && now.isBefore(t.expiresAt)) {
                    return e.getKey();
                }
            }
        }
        String token;
        do {
            token = newToken();
        } while (issued.containsKey(token));
        issued.put(token, new Issued(app, now.plus(ttl)));
        return token;
    }

    long ttlSeconds() {
        return ttl.toSeconds();
    }

    /** The app a business call acts for: 41001 without a token, 40014 for an unknown or revoked one, 42001 when expired. */
    App authenticate(Optional<String> accessToken, Instant now) {
        String token = accessToken.filter(s -> !s.isEmpty()).orElseThrow(() -> new WeComError(41001, "access_token missing"));
        Issued t = issued.get(token);
        if (t == null || t.revoked) {
            throw new WeComError(40014, "invalid access_token");
        }
        if (!now.isBefore(t.expiresAt)) {
            throw new WeComError(expiredErrcode, expiredErrcode == 42001 ? "access_token expired" : "invalid access_token");
        }
        return t.app;
    }

    void revokeAll() {
        issued.values().forEach(t -> t.revoked = true);
    }

    void expireAll(Instant now) {
        issued.values().forEach(t -> t.expiresAt = now);
    }

    /** 64 characters of [A-Za-z0-9_-], well under the documented 512-byte ceiling. */
    private String newToken() {
        String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
        StringBuilder sb = new StringBuilder(64);
        for (int i = 0; i < 64; i++) {
            sb.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        return sb.toString();
    }
}
