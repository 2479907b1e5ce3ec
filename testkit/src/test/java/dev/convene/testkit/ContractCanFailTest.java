package dev.convene.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.platform.launcher.Launcher;
import org.junit.platform.launcher.LauncherDiscoveryRequest;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;
import org.junit.platform.launcher.listeners.SummaryGeneratingListener;
import org.junit.platform.launcher.listeners.TestExecutionSummary;

/** The contract suite and the fault matrix are only worth something if they fail for a provider that breaks them. */
class ContractCanFailTest {

    static Stream<Arguments> flaws() {
        return Stream.of(
                Arguments.of(FlawedToys.DropsDescription.class, "meeting DESCRIPTION"),
                Arguments.of(FlawedToys.IgnoresRecurrence.class, "meeting RECURRENCE"),
                Arguments.of(FlawedToys.WrongStart.class, "createThenGetKeepsTheBasics"),
                Arguments.of(FlawedToys.UnknownAsUnavailable.class, "anUnknownSessionIsNotFound"),
                Arguments.of(FlawedToys.NoTokenRefresh.class, "aRevokedTokenIsReplacedOnceAndTheCallSucceeds"),
                Arguments.of(FlawedToys.OverstatedTitleLimit.class, "textLimitsAreTrueInCharactersAndBytes"),
                Arguments.of(FlawedToys.AlreadyCancelledAsConflict.class, "cancellingTwiceSucceedsWhereTheVendorKeepsCancelledSessions"),
                Arguments.of(FlawedToys.CancelledAsScheduled.class, "aCancelledSessionReadsAsCancelledOrIsGoneAsDeclared"),
                Arguments.of(FlawedToys.CancelledAsScheduled.class, "listsLeaveCancelledSessionsOutUnlessAsked"));
    }

    @ParameterizedTest(name = "{0} fails {1}")
    @MethodSource("flaws")
    void theSuiteCatchesTheFlaw(Class<?> flawed, String expectedFailure) {
        TestExecutionSummary summary = run(flawed);
        List<String> failed = failedNames(summary);
        assertThat(failed).as("failed tests of " + flawed.getSimpleName()).anySatisfy(name -> assertThat(name).contains(expectedFailure));
        assertThat(summary.getTestsSucceededCount()).as("a flaw breaks some tests, not the whole suite")
                .isGreaterThan(SessionProviderContract.class.isAssignableFrom(flawed) ? 10 : 1);
    }

    /** The fault matrix too: each flaw of the badly behaved toy fails the cells written for it. */
    @Test
    void theFaultMatrixCatchesEachFlaw() {
        TestExecutionSummary summary = run(FlawedToys.BadlyBehavedUnderFaults.class);
        List<String> failed = failedNames(summary);
        assertThat(failed).as("a create replayed after its answer was lost").anySatisfy(n -> assertThat(n).contains("CREATE under DROPPED_AFTER_APPLY"));
        assertThat(failed).as("a rate limit without the vendor's code").anySatisfy(n -> assertThat(n).contains("CREATE under RATE_LIMITED"));
        assertThat(failed).as("a listing cut short at a refused later page")
                .anySatisfy(n -> assertThat(n).contains("LIST whose later page meets SERVER_ERROR"));
        assertThat(failed).as("a token in a log line").anySatisfy(n -> assertThat(n).contains("no secret in any log line"));
        assertThat(summary.getTestsSucceededCount()).as("the flaws break some cells, not the whole matrix").isGreaterThan(30);
    }

    private static List<String> failedNames(TestExecutionSummary summary) {
        return summary.getFailures().stream()
                .map(f -> f.getTestIdentifier().getUniqueId() + " " + f.getTestIdentifier().getDisplayName()).toList();
    }

    private static TestExecutionSummary run(Class<?> flawed) {
        LauncherDiscoveryRequest request = LauncherDiscoveryRequestBuilder.request().selectors(selectClass(flawed)).build();
        Launcher launcher = LauncherFactory.create();
        SummaryGeneratingListener listener = new SummaryGeneratingListener();
        launcher.execute(request, listener);
        return listener.getSummary();
    }
}
