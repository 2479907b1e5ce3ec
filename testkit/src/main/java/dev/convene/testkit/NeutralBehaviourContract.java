package dev.convene.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.convene.Capabilities;
import dev.convene.Feature;
import dev.convene.ListQuery;
import dev.convene.Operation;
import dev.convene.Session;
import dev.convene.SessionId;
import dev.convene.SessionKind;
import dev.convene.SessionNotFoundException;
import dev.convene.SessionStatus;
import dev.convene.UnsupportedFeatureException;
import dev.convene.simulator.StoredSession;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Neutral behaviour: the same program gets the same outcome on every provider, and where a vendor cannot
 * do what the neutral rule asks, {@link Capabilities} says so. Every provider's test module (and a
 * third-party plugin's) extends this class next to {@link SessionProviderContract}:
 *
 * <pre>{@code
 * class ZoomNeutralBehaviourTest extends NeutralBehaviourContract {
 *     protected String providerId() { return "zoom"; }
 * }
 * }</pre>
 *
 * Each rule is checked against the vendor's simulator, capability claims included: a provider that declares
 * {@link Feature#KEEPS_CANCELLED} while its vendor deletes cancelled sessions fails, and so does one that
 * keeps quiet about a vendor that keeps them.
 *
 * <ul>
 *   <li>Cancel is idempotent where the vendor keeps cancelled sessions; where it deletes them, a second
 *       cancel and a get raise {@link SessionNotFoundException} saying the session may have been cancelled.</li>
 *   <li>Lists leave cancelled sessions out unless asked; asking for them needs {@link Feature#LISTS_CANCELLED},
 *       else {@link UnsupportedFeatureException} before anything is sent.</li>
 * </ul>
 */
public abstract class NeutralBehaviourContract extends ProviderFixture {

    protected Capabilities capabilities() {
        return service.capabilities();
    }

    protected List<SessionKind> kindsWith(Operation... operations) {
        return capabilities().supportedKinds().stream().sorted()
                .filter(k -> Stream.of(operations).allMatch(o -> capabilities().supports(k, o))).toList();
    }

    private boolean keepsCancelled(SessionKind kind) {
        return capabilities().supports(kind, Feature.KEEPS_CANCELLED);
    }

    /** A new session of {@code kind} from a plain draft, already cancelled. */
    private Session cancelled(SessionKind kind) {
        Session s = service.create(draft(kind).build());
        service.cancel(s.id());
        assertThat(stored(s.id()).cancelled()).as("the vendor holds " + s.id() + " as cancelled").isTrue();
        return s;
    }

    private StoredSession stored(SessionId id) {
        return simulator.sessions().stream().filter(s -> s.nativeId().equals(id.nativeId())).findFirst()
                .orElseThrow(() -> new AssertionError("the simulator holds no session " + id.nativeId()));
    }

    private static void mayHaveBeenCancelled(Throwable t, SessionId id) {
        assertThat(t).as("reading or cancelling cancelled " + id + " where the vendor deletes what it cancels")
                .isInstanceOfSatisfying(SessionNotFoundException.class, e -> assertThat(e.mayHaveBeenCancelled()).isTrue())
                .hasMessageContaining("may have been cancelled");
    }

    // ---- cancel ----------------------------------------------------------------------------------

    @TestFactory
    Stream<DynamicTest> cancellingTwiceSucceedsWhereTheVendorKeepsCancelledSessions() {
        return kindsWith(Operation.CREATE, Operation.CANCEL).stream().map(kind -> DynamicTest.dynamicTest(kind.wireName(), () -> {
            Session s = cancelled(kind);
            Throwable again = catchThrowable(() -> service.cancel(s.id()));
            if (keepsCancelled(kind)) {
                assertThat(again).as("a second cancel of " + s.id() + " (KEEPS_CANCELLED: cancel is idempotent)").isNull();
            } else {
                mayHaveBeenCancelled(again, s.id());
            }
            assertThat(stored(s.id()).cancelled()).isTrue();
        }));
    }

    @TestFactory
    Stream<DynamicTest> aCancelledSessionReadsAsCancelledOrIsGoneAsDeclared() {
        return kindsWith(Operation.CREATE, Operation.CANCEL, Operation.GET).stream().map(kind -> DynamicTest.dynamicTest(kind.wireName(), () -> {
            Session s = cancelled(kind);
            Session[] got = new Session[1];
            Throwable t = catchThrowable(() -> got[0] = service.get(s.id()));
            if (keepsCancelled(kind)) {
                assertThat(t).as("get of cancelled " + s.id() + " where the provider declares KEEPS_CANCELLED").isNull();
                assertThat(got[0].status()).isEqualTo(SessionStatus.CANCELLED);
            } else {
                assertThat(t).as("the vendor still answers for cancelled " + s.id() + ": declare KEEPS_CANCELLED").isNotNull();
                mayHaveBeenCancelled(t, s.id());
            }
        }));
    }

    // ---- lists -----------------------------------------------------------------------------------

    @TestFactory
    Stream<DynamicTest> listsLeaveCancelledSessionsOutUnlessAsked() {
        return kindsWith(Operation.CREATE, Operation.CANCEL, Operation.LIST).stream().map(kind -> DynamicTest.dynamicTest(kind.wireName(), () -> {
            SessionId kept = service.create(draft(kind).build()).id();
            SessionId gone = cancelled(kind).id();
            ListQuery query = ListQuery.of(kind);
            List<Session> listed = service.listAll(query).toList();
            assertThat(listed).extracting(Session::id).as("listed by default").contains(kept).doesNotContain(gone);
            assertThat(listed).extracting(Session::status).doesNotContain(SessionStatus.CANCELLED);
            if (capabilities().supports(kind, Feature.LISTS_CANCELLED)) {
                assertThat(service.listAll(query.includingCancelled()).map(Session::id)).as("listed including cancelled").contains(kept, gone);
                List<Session> onlyCancelled = service.listAll(query.withStatus(SessionStatus.CANCELLED)).toList();
                assertThat(onlyCancelled).extracting(Session::id).as("listed cancelled only").contains(gone).doesNotContain(kept);
                assertThat(onlyCancelled).extracting(Session::status).containsOnly(SessionStatus.CANCELLED);
            } else {
                int before = simulator.requests().size();
                for (ListQuery cancelledToo : List.of(query.includingCancelled(), query.withStatus(SessionStatus.CANCELLED))) {
                    assertThatThrownBy(() -> service.listAll(cancelledToo).toList()).as(kind + " lists without LISTS_CANCELLED")
                            .isInstanceOfSatisfying(UnsupportedFeatureException.class, e -> assertThat(e.feature()).contains("LISTS_CANCELLED"));
                }
                assertThat(simulator.requests()).as("nothing was sent").hasSize(before);
            }
        }));
    }
}
