package dev.convene.simulator.zoom;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/** A plain JDK HTTP client for the Zoom fake, deliberately sharing nothing with Convene's client. */
final class ZoomHttp {
    /** One answer: status, headers, parsed body (empty object when there is none). */
    record Answer(int status, HttpResponse<String> raw, JsonNode json) {
        int code() {
            return json.path("code").asInt();
        }

        String message() {
            return json.path("message").asText();
        }

        String header(String name) {
            return raw.headers().firstValue(name).orElse(null);
        }
    }

    static final ObjectMapper JSON = new ObjectMapper();

    final ZoomSimulator sim;
    final HttpClient http = HttpClient.newHttpClient();
    String token;

    ZoomHttp(ZoomSimulator sim) {
        this.sim = sim;
    }

    static String basic(String id, String secret) {
        return "Basic " + Base64.getEncoder().encodeToString((id + ":" + secret).getBytes(StandardCharsets.UTF_8));
    }

    Answer tokenRequest(String authorization, String form) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(sim.baseUrl() + "/oauth/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form));
        if (authorization != null) {
            b.header("Authorization", authorization);
        }
        return send(b.build());
    }

    String fetchToken() {
        Answer a = tokenRequest(basic(ZoomSimulator.CLIENT_ID, ZoomSimulator.CLIENT_SECRET),
                "grant_type=account_credentials&account_id=" + ZoomSimulator.PRIMARY_ACCOUNT_ID);
        if (a.status() != 200) {
            throw new AssertionError("token request failed: " + a.raw().body());
        }
        return a.json().get("access_token").asText();
    }

    ZoomHttp authenticated() {
        token = fetchToken();
        return this;
    }

    Answer get(String path) {
        return send(api(path).GET().build());
    }

    Answer delete(String path) {
        return send(api(path).DELETE().build());
    }

    Answer post(String path, String json) {
        return send(api(path).header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json)).build());
    }

    Answer patch(String path, String json) {
        return send(api(path).header("Content-Type", "application/json").method("PATCH", HttpRequest.BodyPublishers.ofString(json)).build());
    }

    Answer put(String path, String json) {
        return send(api(path).header("Content-Type", "application/json").PUT(HttpRequest.BodyPublishers.ofString(json)).build());
    }

    /** Creates and returns the new object (asserting 201). */
    JsonNode create(String path, String json) {
        Answer a = post(path, json);
        if (a.status() != 201) {
            throw new AssertionError("create failed: " + a.status() + " " + a.raw().body());
        }
        return a.json();
    }

    private HttpRequest.Builder api(String path) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(sim.baseUrl() + "/v2" + path));
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        return b;
    }

    Answer send(HttpRequest request) {
        try {
            HttpResponse<String> r = http.send(request, HttpResponse.BodyHandlers.ofString());
            JsonNode body = r.body().isEmpty() ? JSON.createObjectNode() : JSON.readTree(r.body());
            return new Answer(r.statusCode(), r, body);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
