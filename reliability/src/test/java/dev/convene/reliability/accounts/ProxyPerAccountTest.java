package dev.convene.reliability.accounts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.convene.ConfigurationException;
import dev.convene.Convene;
import dev.convene.ListQuery;
import dev.convene.SessionKind;
import dev.convene.SessionService;
import dev.convene.Tenants;
import dev.convene.simulator.Simulators;
import dev.convene.simulator.VendorSimulator;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Egress per account: convene.<provider>.proxy (one account's calls leave through its HTTP proxy, with its
 * credentials, another's directly) and convene.<provider>.local-address (where its connections start).
 */
class ProxyPerAccountTest {
    static final Set<String> HOP_BY_HOP = Set.of("host", "connection", "content-length", "proxy-authorization", "proxy-connection",
            "keep-alive", "transfer-encoding", "upgrade", "te", "expect");
    final List<URI> proxied = new CopyOnWriteArrayList<>();
    final HttpClient onward = HttpClient.newBuilder().proxy(HttpClient.Builder.NO_PROXY).build();
    HttpServer proxy;
    VendorSimulator wecom;

    /** A forward proxy on loopback that wants Basic credentials u:p and records what it forwards. */
    @BeforeEach
    void start() throws IOException {
        wecom = Simulators.start("wecom");
        proxy = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        proxy.createContext("/", this::forward);
        proxy.start();
    }

    @AfterEach
    void stop() {
        proxy.stop(0);
        wecom.close();
    }

    private void forward(HttpExchange exchange) throws IOException {
        String expected = "Basic " + Base64.getEncoder().encodeToString("u:p@ss".getBytes(StandardCharsets.UTF_8));
        if (!expected.equals(exchange.getRequestHeaders().getFirst("Proxy-Authorization"))) {
            exchange.getResponseHeaders().add("Proxy-Authenticate", "Basic realm=\"test\"");
            exchange.sendResponseHeaders(407, -1);
            exchange.close();
            return;
        }
        URI target = exchange.getRequestURI();
        proxied.add(target);
        byte[] body;
        try (InputStream in = exchange.getRequestBody()) {
            body = in.readAllBytes();
        }
        HttpRequest.Builder request = HttpRequest.newBuilder(target).method(exchange.getRequestMethod(),
                body.length == 0 ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(body));
        exchange.getRequestHeaders().forEach((name, values) -> {
            if (!HOP_BY_HOP.contains(name.toLowerCase())) {
                values.forEach(v -> request.header(name, v));
            }
        });
        try {
            HttpResponse<byte[]> response = onward.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
            response.headers().map().forEach((name, values) -> {
                if (!HOP_BY_HOP.contains(name.toLowerCase()) && !name.startsWith(":")) {
                    exchange.getResponseHeaders().put(name, values);
                }
            });
            exchange.sendResponseHeaders(response.statusCode(), response.body().length == 0 ? -1 : response.body().length);
            exchange.getResponseBody().write(response.body());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            exchange.sendResponseHeaders(502, -1);
        }
        exchange.close();
    }

    String proxyUrl() {
        return "http://u:p%40ss@127.0.0.1:" + proxy.getAddress().getPort();
    }

    @Test
    void oneTenantsCallsGoThroughItsProxyAndAnothersDoNot() {
        Map<String, String> viaProxy = new HashMap<>(wecom.propertiesForNewCredentials());
        viaProxy.put("convene.wecom.proxy", proxyUrl());
        Map<String, String> direct = wecom.propertiesForNewCredentials();
        Map<String, Map<String, String>> database = Map.of("behind-proxy", viaProxy, "direct", direct);
        try (Tenants tenants = Tenants.builder(database::get).systemProperties(false).environment(Map.of()).build()) {
            tenants.sessions("behind-proxy").list(ListQuery.of(SessionKind.MEETING));
            assertThat(proxied).as("the token request and the listing").hasSize(2);
            assertThat(proxied.get(0).getRawQuery()).contains("corpsecret=" + viaProxy.get("convene.wecom.corp-secret"));
            tenants.sessions("direct").list(ListQuery.of(SessionKind.MEETING));
            assertThat(proxied).as("nothing of the other tenant").hasSize(2);
        }
    }

    @Test
    void aProxyThatIsNoHttpUrlIsAConfigurationErrorHidingItsPassword() {
        Map<String, String> config = new HashMap<>(wecom.properties());
        config.put("convene.wecom.proxy", "socks5://u:secret-pw@127.0.0.1:1080");
        assertThatThrownBy(() -> Convene.builder().properties(config).systemProperties(false).environment(Map.of()).build())
                .isInstanceOf(ConfigurationException.class).hasMessageContaining("convene.wecom.proxy").hasMessageNotContaining("secret-pw");
        config.put("convene.wecom.proxy", proxyUrl());
        try (SessionService sessions = Convene.builder().properties(config).systemProperties(false).environment(Map.of()).build()) {
            sessions.checkCredentials();
        }
        assertThat(proxied).hasSize(1);
    }

    @Test
    void anAccountsConnectionsStartFromItsLocalAddress() throws IOException {
        List<InetAddress> callers = new CopyOnWriteArrayList<>();
        HttpServer vendor = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        vendor.createContext("/", exchange -> {
            callers.add(exchange.getRemoteAddress().getAddress());
            byte[] token = "{\"errcode\":0,\"errmsg\":\"ok\",\"access_token\":\"local-address-token\",\"expires_in\":7200}"
                    .getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, token.length);
            exchange.getResponseBody().write(token);
            exchange.close();
        });
        vendor.start();
        try {
            Map<String, String> config = new HashMap<>(wecom.propertiesForNewCredentials());
            config.put("convene.wecom.base-url", "http://127.0.0.1:" + vendor.getAddress().getPort());
            config.put("convene.wecom.local-address", "127.0.0.2");
            try (SessionService sessions = Convene.builder().properties(config).systemProperties(false).environment(Map.of()).build()) {
                sessions.checkCredentials();
            }
            assertThat(callers).containsExactly(InetAddress.getByName("127.0.0.2"));
            config.put("convene.wecom.local-address", "egress.example");
            assertThatThrownBy(() -> Convene.builder().properties(config).systemProperties(false).environment(Map.of()).build())
                    .isInstanceOf(ConfigurationException.class).hasMessageContaining("convene.wecom.local-address");
        } finally {
            vendor.stop(0);
        }
    }
}
