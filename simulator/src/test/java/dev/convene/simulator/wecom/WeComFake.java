package dev.convene.simulator.wecom;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.convene.simulator.SettableClock;
import dev.convene.simulator.SimulatorOptions;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;

/** Talks to a running WeCom fake the way any HTTP client would, with the JDK client and plain JSON. */
final class WeComFake implements AutoCloseable {
    static final ObjectMapper JSON = new ObjectMapper();
    /** 2030-01-01T00:00:00Z: every test starts here unless it needs the seeds' 2020 timestamps. */
    static final Instant T0 = Instant.parse("2030-01-01T00:00:00Z");

    final SettableClock clock;
    final WeComSimulator sim;
    private final HttpClient http = HttpClient.newHttpClient();
    private String token;
    private long tokenExpiresAt;

    WeComFake() {
        this(T0, Map.of());
    }

    WeComFake(Instant now, Map<String, String> settings) {
        this(now, settings, null);
    }

    WeComFake(Instant now, Map<String, String> settings, Long seed) {
        clock = new SettableClock(now);
        SimulatorOptions options = SimulatorOptions.defaults().withClock(clock);
        if (seed != null) {
            options = options.withSeed(seed);
        }
        for (Map.Entry<String, String> e : settings.entrySet()) {
            options = options.with(e.getKey(), e.getValue());
        }
        sim = new WeComSimulator(options);
    }

    long now() {
        return clock.instant().getEpochSecond();
    }

    HttpResponse<String> send(String method, String pathAndQuery, String body) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(sim.baseUrl() + pathAndQuery));
        b = body == null ? b.method(method, HttpRequest.BodyPublishers.noBody())
                : b.method(method, HttpRequest.BodyPublishers.ofString(body)).header("Content-Type", "application/json");
        try {
            return http.send(b.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    static JsonNode parse(String json) {
        try {
            return JSON.readTree(json);
        } catch (Exception e) {
            throw new IllegalStateException("not JSON: " + json, e);
        }
    }

    JsonNode gettoken(String corpid, String secret) {
        String q = (corpid == null ? "" : "corpid=" + enc(corpid)) + (secret == null ? "" : "&corpsecret=" + enc(secret));
        return parse(send("GET", "/cgi-bin/gettoken?" + q, null).body());
    }

    /** The default app's token, fetched again once the fake's clock has moved past its lifetime. */
    String token() {
        if (token == null || now() >= tokenExpiresAt) {
            JsonNode r = gettoken(sim.properties().get("convene.wecom.corp-id"), sim.properties().get("convene.wecom.corp-secret"));
            token = r.get("access_token").textValue();
            tokenExpiresAt = now() + r.get("expires_in").longValue();
        }
        return token;
    }

    /** POSTs {@code body} to {@code path} with the default app's token. */
    JsonNode post(String path, String body) {
        return postWith(token(), path, body);
    }

    JsonNode post(String path, JsonNode body) {
        return post(path, body.toString());
    }

    JsonNode postWith(String accessToken, String path, String body) {
        return parse(send("POST", path + "?access_token=" + enc(accessToken), body).body());
    }

    JsonNode livingInfo(String livingid) {
        return parse(send("GET", "/cgi-bin/living/get_living_info?access_token=" + enc(token()) + "&livingid=" + enc(livingid), null).body());
    }

    static ObjectNode obj(String json) {
        return (ObjectNode) parse(json.replace('\'', '"'));
    }

    static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    /** A valid meeting body starting an hour after the fake's now; tests change one field at a time. */
    ObjectNode meeting() {
        ObjectNode m = obj("{'admin_userid':'zhangsan','title':'Weekly sync','meeting_duration':3600}");
        m.put("meeting_start", now() + 3600);
        return m;
    }

    String createMeeting(ObjectNode body) {
        JsonNode r = post("/cgi-bin/meeting/create", body);
        if (r.get("errcode").intValue() != 0) {
            throw new AssertionError("create failed: " + r);
        }
        return r.get("meetingid").textValue();
    }

    JsonNode meetingInfo(String id) {
        return post("/cgi-bin/meeting/get_info", "{\"meetingid\":\"" + id + "\"}");
    }

    /** A valid webinar body starting a day after the fake's now. */
    ObjectNode webinar() {
        ObjectNode w = obj("{'admin_userid':'zhangsan','title':'Launch','admission_type':0,'playback_for_audience':false}");
        w.put("start_time", Long.toString(now() + 86400));
        w.put("end_time", Long.toString(now() + 86400 + 7200));
        return w;
    }

    /** A valid living body starting an hour after the fake's now. */
    ObjectNode living() {
        ObjectNode l = obj("{'anchor_userid':'zhangsan','theme':'Town hall','living_duration':3600}");
        l.put("living_start", now() + 3600);
        return l;
    }

    @Override
    public void close() {
        sim.close();
    }
}
