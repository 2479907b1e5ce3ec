package dev.convene.internal;

import dev.convene.ConfigurationException;
import dev.convene.spi.ProviderConfig;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Proxy;
import java.net.Socket;
import java.net.URI;
import java.net.URLDecoder;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import javax.net.SocketFactory;
import okhttp3.Credentials;
import okhttp3.OkHttpClient;

/**
 * How one account's calls leave this machine: {@code convene.<id>.proxy}, an HTTP proxy (with Basic
 * credentials when its URL has them), and {@code convene.<id>.local-address}, the local address its connections
 * start from (an address on a vendor's trusted-IP list, such as WeCom's, on a host with several). The client
 * keeps the root's pool and dispatcher; OkHttp pools connections by proxy and socket factory too, so no
 * account's connection serves another's egress.
 */
final class Egress {
    private Egress() {
    }

    /** Both keys checked before anything opens. @throws ConfigurationException naming the key and the rule */
    static void check(ProviderConfig c) {
        proxy(c);
        localAddress(c);
    }

    static OkHttpClient apply(ProviderConfig c, OkHttpClient root) {
        Optional<Proxying> proxy = proxy(c);
        Optional<InetAddress> local = localAddress(c);
        if (proxy.isEmpty() && local.isEmpty()) {
            return root;
        }
        OkHttpClient.Builder b = root.newBuilder();
        proxy.ifPresent(p -> p.applyTo(b));
        local.ifPresent(address -> b.socketFactory(new BoundSockets(address)));
        return b.build();
    }

    /** {@code http://[user:password@]host:port}; empty when not set. */
    private static Optional<Proxying> proxy(ProviderConfig c) {
        return c.getUrl("proxy").map(uri -> {
            if (!uri.getScheme().equalsIgnoreCase("http") || uri.getPort() < 1) {
                throw new ConfigurationException(c.key("proxy") + " must be an http URL with a port such as http://proxy.internal:3128"
                        + " (the proxy speaks plain HTTP; calls to https vendors are tunnelled through it)");
            }
            return Proxying.of(uri);
        });
    }

    /** An IP address literal of this host; empty when not set. A host name is refused: it would be looked up. */
    private static Optional<InetAddress> localAddress(ProviderConfig c) {
        return c.get("local-address").map(v -> {
            try {
                if (!v.matches("[0-9.]+|[0-9a-fA-F:.%\\[\\]]*:[0-9a-fA-F:.%\\[\\]]*")) {
                    throw new UnknownHostException(v);
                }
                return InetAddress.getByName(v);
            } catch (UnknownHostException e) {
                throw new ConfigurationException(c.key("local-address") + " must be an IP address of this host such as 10.0.0.5, was '" + v + "'");
            }
        });
    }

    /** A proxy and, when it asks for them, the credentials it takes (Basic). */
    private record Proxying(Proxy proxy, String user, String password) {
        static Proxying of(URI uri) {
            String user = null;
            String password = null;
            if (uri.getRawUserInfo() != null) {
                String info = URLDecoder.decode(uri.getRawUserInfo(), StandardCharsets.UTF_8);
                int colon = info.indexOf(':');
                user = colon < 0 ? info : info.substring(0, colon);
                password = colon < 0 ? "" : info.substring(colon + 1);
            }
            return new Proxying(new Proxy(Proxy.Type.HTTP, InetSocketAddress.createUnresolved(uri.getHost(), uri.getPort())), user, password);
        }

        void applyTo(OkHttpClient.Builder b) {
            b.proxy(proxy);
            if (user != null) {
                String credential = Credentials.basic(user, password);
                // answers the proxy's 407 once; a second 407 means the credentials are wrong, and is returned as it is
                b.proxyAuthenticator((route, response) -> response.request().header("Proxy-Authorization") != null ? null
                        : response.request().newBuilder().header("Proxy-Authorization", credential).build());
            }
        }
    }

    /** Sockets bound to one local address before they connect. */
    private static final class BoundSockets extends SocketFactory {
        private final InetAddress local;

        BoundSockets(InetAddress local) {
            this.local = local;
        }

        @Override
        public Socket createSocket() throws IOException {
            Socket s = new Socket();
            s.bind(new InetSocketAddress(local, 0));
            return s;
        }

        @Override
        public Socket createSocket(String host, int port) throws IOException {
            return new Socket(host, port, local, 0);
        }

        @Override
        public Socket createSocket(String host, int port, InetAddress localHost, int localPort) throws IOException {
            return new Socket(host, port, local, 0);
        }

        @Override
        public Socket createSocket(InetAddress host, int port) throws IOException {
            return new Socket(host, port, local, 0);
        }

        @Override
        public Socket createSocket(InetAddress address, int port, InetAddress localAddress, int localPort) throws IOException {
            return new Socket(address, port, local, 0);
        }
    }
}
