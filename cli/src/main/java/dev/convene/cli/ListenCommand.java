package dev.convene.cli;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.convene.events.EventReceiver;
import dev.convene.events.EventRequest;
import dev.convene.events.EventResult;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

@Command(name = "listen", mixinStandardHelpOptions = true,
        description = {"Receive the vendors' events until stopped (Ctrl-C): serves PATH/{provider} for every provider whose event keys are "
                + "configured, answers their URL checks, and prints each accepted event as one JSON object per line on stdout.",
                "A rejected request is answered with its 4xx status and one line on stderr; a duplicate with 200 and nothing on stdout."})
final class ListenCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @ParentCommand
    ConveneCommand root;

    @Option(names = "--port", paramLabel = "N", defaultValue = "8080", description = "The port to listen on, on every interface (default: ${DEFAULT-VALUE}; 0: a free one).")
    int port;

    @Option(names = "--path", paramLabel = "P", defaultValue = "/convene/events", description = "The path before /{provider} (default: ${DEFAULT-VALUE}).")
    String path;

    @Override
    public Integer call() throws Exception {
        String prefix = "/" + path.replaceAll("^/+|/+$", "");
        if (prefix.equals("/")) {
            prefix = "";
        }
        EventReceiver.Builder builder = EventReceiver.builder();
        if (root.config != null) {
            builder.propertiesFile(root.config);
        }
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        ExecutorService workers = Executors.newFixedThreadPool(4);
        CountDownLatch stopped = new CountDownLatch(1);
        try (EventReceiver receiver = builder.build()) {
            HttpServer server;
            try {
                server = HttpServer.create(new InetSocketAddress(port), 0);
            } catch (IOException e) {
                throw new UsageException("cannot listen on port " + port + ": " + e.getMessage());
            }
            String base = prefix;
            server.createContext(base + "/", exchange -> handle(exchange, base, receiver, out, err));
            server.setExecutor(workers);
            server.start();
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                server.stop(1);
                stopped.countDown();
            }));
            err.println("listening on http://0.0.0.0:" + server.getAddress().getPort() + base + "/{provider} for "
                    + String.join(", ", receiver.providers()) + "; Ctrl-C stops");
            err.flush();
            stopped.await();
        } finally {
            workers.shutdownNow();
        }
        return ExitCodes.OK;
    }

    /** Answers one request at {@code base/{provider}}, then prints an accepted event on {@code out}, a rejection on {@code err}. */
    static void handle(HttpExchange exchange, String base, EventReceiver receiver, PrintWriter out, PrintWriter err) {
        try (exchange) {
            String provider = exchange.getRequestURI().getRawPath().substring(base.length() + 1);
            EventResult result;
            try (InputStream in = exchange.getRequestBody()) {
                // one byte past the limit is enough to refuse it: a huge body is never held in memory
                byte[] body = in.readNBytes(receiver.maxBodyBytes() + 1);
                result = receiver.receive(EventRequest.builder(provider)
                        .method(exchange.getRequestMethod())
                        .headers(exchange.getRequestHeaders())
                        .rawQuery(exchange.getRequestURI().getRawQuery())
                        .body(body)
                        .build());
            }
            answer(exchange, result);
            // answered first; then what it was
            if (result instanceof EventResult.Accepted accepted) {
                synchronized (out) {
                    out.println(Json.event(accepted.event()));
                    out.flush();
                }
            } else if (result instanceof EventResult.Rejected rejected) {
                synchronized (err) {
                    err.println("rejected " + exchange.getRequestMethod() + " " + exchange.getRequestURI().getRawPath() + ": "
                            + rejected.status() + " " + rejected.reason().wireName() + ": " + rejected.message());
                    err.flush();
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void answer(HttpExchange exchange, EventResult result) throws IOException {
        byte[] body = result.bodyBytes();
        if (result.contentType() != null && body.length > 0) {
            exchange.getResponseHeaders().set("Content-Type", result.contentType());
        }
        exchange.sendResponseHeaders(result.status(), body.length == 0 ? -1 : body.length);
        if (body.length > 0) {
            try (OutputStream os = exchange.getResponseBody()) {
                os.write(body);
            }
        }
    }
}
