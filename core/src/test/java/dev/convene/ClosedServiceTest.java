package dev.convene;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.fail;

import dev.convene.testing.ScriptedProvider;
import dev.convene.testing.ScriptedVendor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.time.Duration;
import java.time.Instant;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** A closed service refuses every call with {@link IllegalStateException} and sends nothing. */
class ClosedServiceTest {
    static final Set<String> STILL_ANSWERED = Set.of("provider", "providers", "capabilities", "close");

    final String name = UUID.randomUUID().toString();
    final ScriptedVendor vendor = ScriptedProvider.register(name);
    final SessionService service = ScriptedProvider.builder(name).build();

    static final SessionId ID = SessionId.of("scripted", SessionKind.MEETING, "7");
    static final SessionDraft DRAFT = SessionDraft.builder(SessionKind.MEETING).title("t")
            .start(Instant.parse("2030-01-01T10:00:00Z")).duration(Duration.ofHours(1)).build();

    @Test
    void everyMethodButTheDescriptiveOnesThrowsAtOnceAndNothingIsSent() throws Exception {
        service.close();
        service.close(); // idempotent
        List<Method> methods = Stream.of(SessionService.class.getMethods()).filter(m -> !STILL_ANSWERED.contains(m.getName())).toList();
        assertThat(methods).as("every operation, blocking and async").hasSizeGreaterThanOrEqualTo(16);
        for (Method m : methods) {
            Object[] args = Stream.of(m.getParameterTypes()).map(ClosedServiceTest::argument).toArray();
            try {
                m.invoke(service, args);
                fail(m.getName() + " returned after close() instead of throwing");
            } catch (InvocationTargetException e) {
                assertThat(e.getCause()).as(m.getName()).isInstanceOf(IllegalStateException.class).hasMessageContaining("closed");
            }
        }
        assertThat(vendor.allAttempts()).as("calls that reached the vendor").isZero();
        assertThat(service.provider()).isEqualTo("scripted");
        assertThat(service.capabilities()).isEqualTo(ScriptedProvider.CAPABILITIES);
    }

    @Test
    void aListingOpenedBeforeCloseFetchesNoFurtherPage() {
        vendor.pages(List.of(List.of(ScriptedVendor.session(SessionKind.MEETING, "1", "a")), List.of(ScriptedVendor.session(SessionKind.MEETING, "2", "b"))));
        Iterator<Session> walk = service.listAll(ListQuery.of(SessionKind.MEETING)).iterator();
        assertThat(walk.next().id().nativeId()).isEqualTo("1");
        service.close();
        assertThatThrownBy(walk::hasNext).isInstanceOf(IllegalStateException.class);
        assertThat(vendor.attempts(Operation.LIST)).isEqualTo(1);
    }

    @Test
    void aReadFailingWhenTheServiceIsClosedIsNotRetried() {
        vendor.fail(Operation.GET, new VendorUnavailableException(new VendorError("scripted", 503, "", "busy", null, null), null));
        // The wait before the retry closes the service: the retry would be sent by a closed service.
        AtomicReference<SessionService> closing = new AtomicReference<>();
        try (SessionService s = ScriptedProvider.builder(name).retryWait(d -> {
            closing.get().close();
            return CompletableFuture.completedFuture(null);
        }).build()) {
            closing.set(s);
            assertThatThrownBy(() -> s.get(ID)).isInstanceOf(VendorUnavailableException.class);
        }
        assertThat(vendor.attempts(Operation.GET)).isEqualTo(1);
    }

    private static Object argument(Class<?> type) {
        if (type == SessionId.class) {
            return ID;
        }
        if (type == SessionDraft.class) {
            return DRAFT;
        }
        if (type == SessionUpdate.class) {
            return SessionUpdate.builder().title("x").build();
        }
        if (type == ListQuery.class) {
            return ListQuery.of(SessionKind.MEETING);
        }
        throw new AssertionError("no sample argument for " + type + ": add one");
    }
}
