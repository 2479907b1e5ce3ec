package dev.convene.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.convene.Session;
import dev.convene.SessionKind;
import dev.convene.SessionNotFoundException;
import dev.convene.SessionUpdate;
import dev.convene.events.Change;
import dev.convene.events.Event;
import dev.convene.events.EventReceiver;
import dev.convene.events.EventRequest;
import dev.convene.events.EventResult;
import dev.convene.simulator.EventChannel;
import dev.convene.simulator.PushedEvent;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The events suite: what the vendor pushes reaches the application as verified, de-duplicated neutral events,
 * and nothing else does. The simulator pushes to a receiver ({@code convene-events}) served on a loopback port:
 * the URL check, every change the simulator's state makes (through the API, or by the host in the vendor's own
 * app), and its retries; other requests are signed with the simulator's own keys and sent to the receiver
 * directly. Hooks: {@link #providerId()}, {@link #officialVectors()}.
 */
public abstract class EventsContract extends ProviderFixture {
    /** How long a pushed event may take to arrive: generous, since nothing here waits for it unless it is late. */
    private static final Duration ARRIVAL = Duration.ofSeconds(10);

    private EventReceiver receiver;
    private HttpServer endpoint;
    private final BlockingQueue<Event> arrived = new LinkedBlockingQueue<>();
    private final AtomicInteger failAnswers = new AtomicInteger();
    private final AtomicInteger refused = new AtomicInteger();

    /**
     * The vendor's published test vectors, each checked with a receiver of its own configuration at its own time.
     * By default those of {@code shared/specs/events.md} for WeCom (an event and the URL check) and Tencent
     * Meeting; Zoom publishes none with a secret token.
     */
    protected List<OfficialVector> officialVectors() {
        return OfficialVector.of(providerId());
    }

    @BeforeAll
    void startReceiver() throws IOException {
        receiver = EventReceiver.builder().properties(simulator.events().receiverProperties()).environment(Map.of())
                .systemProperties(false).clock(clock).build();
        endpoint = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        endpoint.createContext("/convene/events/", this::answer);
        endpoint.start();
        simulator.events().register(url());
    }

    @AfterAll
    void stopReceiver() {
        if (endpoint != null) {
            endpoint.stop(0);
        }
        if (receiver != null) {
            receiver.close();
        }
    }

    @BeforeEach
    void drain() {
        simulator.events().await(ARRIVAL);
        arrived.clear();
        failAnswers.set(0);
        refused.set(0);
    }

    private URI url() {
        return URI.create("http://127.0.0.1:" + endpoint.getAddress().getPort() + "/convene/events/" + providerId());
    }

    /** Answers first, then keeps what was accepted. A test can have the next answers fail with 500. */
    private void answer(HttpExchange exchange) throws IOException {
        try (exchange; InputStream in = exchange.getRequestBody()) {
            byte[] body = in.readAllBytes();
            if (failAnswers.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
                exchange.sendResponseHeaders(500, -1);
                return;
            }
            String provider = exchange.getRequestURI().getRawPath().substring("/convene/events/".length());
            EventResult result = receiver.receive(EventRequest.builder(provider).method(exchange.getRequestMethod())
                    .headers(exchange.getRequestHeaders()).rawQuery(exchange.getRequestURI().getRawQuery()).body(body).build());
            byte[] out = result.bodyBytes();
            if (result.contentType() != null && out.length > 0) {
                exchange.getResponseHeaders().set("Content-Type", result.contentType());
            }
            exchange.sendResponseHeaders(result.status(), out.length == 0 ? -1 : out.length);
            if (out.length > 0) {
                try (OutputStream os = exchange.getResponseBody()) {
                    os.write(out);
                }
            }
            if (result instanceof EventResult.Accepted accepted) {
                arrived.add(accepted.event());
            } else if (result instanceof EventResult.Rejected) {
                refused.incrementAndGet();
            }
        }
    }

    private EventChannel channel() {
        return simulator.events().channel();
    }

    private EventResult receive(EventChannel.Request r) {
        EventRequest.Builder b = EventRequest.builder(providerId()).method(r.method()).body(r.body());
        r.headers().forEach(b::header);
        r.query().forEach(b::query);
        return receiver.receive(b.build());
    }

    private EventChannel.Request signed(String payload, Instant at) {
        return channel().deliver(channel().seal(payload), at);
    }

    private Session meeting(String title) {
        return service.create(draft(SessionKind.MEETING).title(title).build());
    }

    /** The next event about {@code id} that arrives, whatever arrived before it about other sessions. */
    private Event next(Session session, Change change) {
        simulator.events().await(ARRIVAL);
        long end = System.nanoTime() + ARRIVAL.toNanos();
        List<Event> seen = new ArrayList<>();
        while (System.nanoTime() < end) {
            Event e;
            try {
                e = arrived.poll(50, TimeUnit.MILLISECONDS);
            } catch (InterruptedException ex) {
                Thread.currentThread().interrupt();
                throw new AssertionError(ex);
            }
            if (e == null) {
                continue;
            }
            seen.add(e);
            if (e.sessionId() != null && e.sessionId().nativeId().equals(session.id().nativeId()) && e.change() == change) {
                assertThat(e.provider()).isEqualTo(providerId());
                assertThat(e.possibleKinds()).as("the kinds %s may have", session.id()).contains(session.id().kind());
                return e;
            }
        }
        throw new AssertionError("no " + change + " event about " + session.id() + " arrived; arrived: " + seen
                + "; pushed: " + simulator.events().events());
    }

    // ---- what the vendor publishes

    @Test
    void officialVectorsAreAcceptedAndTheirTwinsWithOneByteChangedAreNot() {
        List<OfficialVector> vectors = officialVectors();
        assumeFalse(vectors.isEmpty(), providerId() + " publishes no test vector with its secret");
        for (OfficialVector v : vectors) {
            try (EventReceiver own = EventReceiver.builder().properties(v.config()).environment(Map.of()).systemProperties(false)
                    .clock(Clock.fixed(v.at(), ZoneOffset.UTC)).build()) {
                EventResult result = own.receive(v.request());
                assertThat(result).as(v.name()).isNotInstanceOf(EventResult.Rejected.class);
                v.expectation().accept(result);
                EventResult twin = own.receive(v.tampered());
                assertThat(twin).as(v.name() + ", one byte changed").isInstanceOf(EventResult.Rejected.class);
                assertThat(twin.status()).isEqualTo(401);
            }
        }
    }

    // ---- what the simulator signs, changed on the way

    @Test
    void aBodyChangedByOneLetterIsRefusedAsBadlySigned() {
        EventChannel.Request genuine = signed(channel().sample(updatedName(), "12345678901", clock.instant()), clock.instant());
        EventChannel.Request forged = new EventChannel.Request(genuine.method(), genuine.query(), genuine.headers(), oneLetterChanged(genuine.body()));

        EventResult result = receive(forged);

        assertThat(result).isInstanceOf(EventResult.Rejected.class);
        assertThat(((EventResult.Rejected) result).reason()).isEqualTo(EventResult.Reason.BAD_SIGNATURE);
        assertThat(result.status()).isEqualTo(401);
        assertThat(receive(genuine)).as("the same request untouched").isInstanceOf(EventResult.Accepted.class);
    }

    @Test
    void aStaleTimestampIsRefusedEvenWhenSignedCorrectly() {
        Instant tenMinutesAgo = clock.instant().minus(Duration.ofMinutes(10));
        EventResult result = receive(signed(channel().sample(updatedName(), "12345678902", tenMinutesAgo), tenMinutesAgo));

        assertThat(result).isInstanceOf(EventResult.Rejected.class);
        assertThat(((EventResult.Rejected) result).reason()).isEqualTo(EventResult.Reason.STALE_TIMESTAMP);
        assertThat(result.status()).isEqualTo(401);
    }

    @Test
    void aReplayedDeliveryIsAnsweredButNotDeliveredTwice() {
        EventChannel.Request request = signed(channel().sample(updatedName(), "12345678903", clock.instant()), clock.instant());

        EventResult first = receive(request);
        EventResult again = receive(request);

        assertThat(first).isInstanceOf(EventResult.Accepted.class);
        assertThat(again).isInstanceOf(EventResult.Duplicate.class);
        assertThat(again.status()).isEqualTo(first.status());
    }

    @Test
    void anEventNobodyKnowsYetIsAcceptedAsOther() {
        String unknown = providerId().equals("wecom") ? "meeting_teleported" : "meeting.teleported";
        EventResult result = receive(signed(channel().sample(unknown, "12345678904", clock.instant()), clock.instant()));

        assertThat(result).isInstanceOf(EventResult.Accepted.class);
        assertThat(result.status()).isBetween(200, 299);
        Event event = ((EventResult.Accepted) result).event();
        assertThat(event.change()).isEqualTo(Change.OTHER);
        assertThat(event.vendorEvent()).contains("teleported");
    }

    @Test
    void theUrlCheckIsAnsweredAsTheVendorRequiresAndAForgedOneIsNot() {
        // register sends the vendor's check and fails unless the answer is the one the vendor expects
        simulator.events().register(url());

        EventChannel.Request check = channel().check(clock.instant()).request();
        EventChannel.Request forged;
        if (check.body().length > 0) {
            forged = new EventChannel.Request(check.method(), check.query(), check.headers(), oneLetterChanged(check.body()));
        } else {
            // a GET check: its signed value (echostr, check_str) and signature are in the query
            Map<String, String> query = new HashMap<>(check.query());
            query.replaceAll((k, v) -> v.length() >= 16 && v.chars().anyMatch(Character::isLetter)
                    ? new String(oneLetterChanged(v.getBytes(StandardCharsets.UTF_8)), StandardCharsets.UTF_8) : v);
            forged = new EventChannel.Request(check.method(), query, check.headers(), null);
        }
        EventResult refusedCheck = receive(forged);
        assertThat(refusedCheck).isInstanceOf(EventResult.Rejected.class);
        assertThat(refusedCheck.status()).isEqualTo(401);
    }

    // ---- what the simulator pushes when its state changes

    @Test
    void changesMadeThroughTheApiArriveAsNeutralEvents() {
        Session s = meeting("Events API " + providerId());
        service.update(s.id(), SessionUpdate.builder().title("Events API moved").build());
        next(s, Change.UPDATED);
        service.cancel(s.id());
        next(s, Change.CANCELLED);
    }

    @Test
    void whatTheHostDoesInTheVendorsAppArrivesAsNeutralEvents() {
        Session moved = meeting("Events host " + providerId());
        simulator.hostMoves(moved.id().nativeId(), moved.start().plus(Duration.ofHours(1)));
        assertThat(next(moved, Change.UPDATED).fetch(service).start()).isEqualTo(moved.start().plus(Duration.ofHours(1)));

        simulator.hostStarts(moved.id().nativeId());
        next(moved, Change.STARTED);
        simulator.participantJoins(moved.id().nativeId(), "guest-1");
        next(moved, Change.PARTICIPANT_JOINED);
        simulator.hostEnds(moved.id().nativeId());
        next(moved, Change.ENDED);

        Session cancelled = meeting("Events host cancel " + providerId());
        simulator.hostCancels(cancelled.id().nativeId());
        next(cancelled, Change.CANCELLED);
    }

    @Test
    void aNonAsciiTitleArrivesByteForByte() {
        Session s = meeting("周会 · Überprüfung ✓ " + providerId());
        simulator.hostMoves(s.id().nativeId(), s.start().plus(Duration.ofMinutes(30)));
        Event event = next(s, Change.UPDATED);

        PushedEvent pushed = simulator.events().events().stream()
                .filter(p -> p.nativeId().equals(s.id().nativeId()) && p.state() == PushedEvent.State.DELIVERED)
                .reduce((a, b) -> b).orElseThrow();
        assertThat(event.payload()).as("the payload as the vendor wrote it, after verification and decryption").isEqualTo(pushed.payload());
    }

    @Test
    void everyEventIsFetchableThroughTheProvider() {
        Session s = meeting("Events fetch " + providerId());
        simulator.hostMoves(s.id().nativeId(), s.start().plus(Duration.ofHours(2)));
        Session fetched = next(s, Change.UPDATED).fetch(service);
        assertThat(fetched.id()).isEqualTo(s.id());
        assertThat(fetched.title()).isEqualTo(s.title());

        // an event that cannot tell the kind finds the session under whichever kind it has
        List<SessionKind> kinds = new ArrayList<>(service.capabilities().supportedKinds());
        kinds.remove(s.id().kind());
        kinds.add(s.id().kind());
        Event unsure = Event.builder(providerId()).session(s.id().nativeId(), kinds.toArray(SessionKind[]::new)).change(Change.UPDATED)
                .occurredAt(clock.instant()).dedupKey(providerId() + ":unsure").vendorEvent("test").payload("{}").build();
        Session found = unsure.fetch(service);
        assertThat(found.id().nativeId()).isEqualTo(s.id().nativeId());
        assertThat(found.title()).isEqualTo(s.title());

        Event unknown = Event.builder(providerId()).session(unknownId(), kinds.toArray(SessionKind[]::new)).change(Change.UPDATED)
                .occurredAt(clock.instant()).dedupKey(providerId() + ":unknown").vendorEvent("test").payload("{}").build();
        assertThatThrownBy(() -> unknown.fetch(service)).isInstanceOf(SessionNotFoundException.class)
                .satisfies(e -> assertThat(e.getSuppressed()).hasSize(kinds.size() - 1));
        Event none = Event.builder(providerId()).change(Change.OTHER).occurredAt(clock.instant()).dedupKey(providerId() + ":none")
                .vendorEvent("app_deauthorized").payload("{}").build();
        assertThatThrownBy(() -> none.fetch(service)).isInstanceOf(IllegalStateException.class).hasMessageContaining("names no session");
    }

    /** A native id of the provider's form that names no session. */
    protected String unknownId() {
        return "98765432101";
    }

    // ---- delivery

    @Test
    void anUndeliveredEventIsSentAgainAfterTheVendorsIntervalAndArrivesOnce() {
        Session s = meeting("Events retry " + providerId());
        simulator.events().await(ARRIVAL);
        arrived.clear();
        failAnswers.set(1);
        simulator.hostMoves(s.id().nativeId(), s.start().plus(Duration.ofHours(3)));
        simulator.events().await(ARRIVAL);
        PushedEvent pending = last(s);
        assertThat(pending.state()).isEqualTo(PushedEvent.State.PENDING);
        assertThat(pending.attempts()).extracting(PushedEvent.Attempt::status).containsExactly(500);
        assertThat(arrived).isEmpty();

        clock.advance(channel().retries().get(0));
        next(s, Change.UPDATED);

        assertThat(last(s).state()).isEqualTo(PushedEvent.State.DELIVERED);
        assertThat(last(s).attempts()).hasSize(2);
        assertThat(arrived).as("nothing arrives twice").noneMatch(e -> e.sessionId() != null && e.sessionId().nativeId().equals(s.id().nativeId()));
    }

    @Test
    void anEventNeverAnsweredIsDroppedAfterTheVendorsLastRetry() {
        Session s = meeting("Events dropped " + providerId());
        simulator.events().await(ARRIVAL);
        List<Duration> retries = channel().retries();
        failAnswers.set(retries.size() + 1);
        simulator.hostMoves(s.id().nativeId(), s.start().plus(Duration.ofHours(4)));
        simulator.events().await(ARRIVAL);
        for (Duration wait : retries) {
            clock.advance(wait);
            simulator.events().await(ARRIVAL);
        }
        assertThat(last(s).state()).isEqualTo(PushedEvent.State.DROPPED);
        assertThat(last(s).attempts()).hasSize(retries.size() + 1);
    }

    private PushedEvent last(Session s) {
        return simulator.events().events().stream().filter(p -> p.nativeId().equals(s.id().nativeId())).reduce((a, b) -> b).orElseThrow();
    }

    private String updatedName() {
        return switch (providerId()) {
            case "wecom" -> "meeting_change";
            case "tencentmeeting" -> "meeting.updated";
            default -> "meeting.updated";
        };
    }

    /** The same bytes with one ASCII letter, about the middle, in the other case. */
    static byte[] oneLetterChanged(byte[] body) {
        byte[] copy = body.clone();
        for (int i = copy.length / 2; i < copy.length; i++) {
            if (Character.isLetter(copy[i]) && copy[i] < 0x80) {
                copy[i] = (byte) (Character.isUpperCase(copy[i]) ? Character.toLowerCase(copy[i]) : Character.toUpperCase(copy[i]));
                return copy;
            }
        }
        throw new IllegalArgumentException("no letter to change");
    }

    /**
     * One published test vector: the receiver configuration it needs, the instant its timestamp is fresh at, the
     * request as published, the same with one byte changed, and what the result must be.
     */
    public record OfficialVector(String name, Map<String, String> config, Instant at, EventRequest request, EventRequest tampered,
                                 Consumer<EventResult> expectation) {

        static List<OfficialVector> of(String provider) {
            return switch (provider) {
                case "wecom" -> OfficialVectors.wecom();
                case "tencentmeeting" -> OfficialVectors.tencent();
                default -> List.of();
            };
        }
    }
}
