package dev.convene.testkit;

import dev.convene.simulator.SimulatorOptions;
import dev.convene.simulator.Simulators;
import dev.convene.simulator.VendorSimulator;
import java.util.List;
import java.util.Map;

/**
 * The reference provider with one promise broken each (or, for the slower fault matrix, several at once
 * in places that do not overlap). They are nested (so Surefire does not run them as ordinary tests);
 * {@link ContractCanFailTest} runs each and expects the suite to catch every flaw.
 */
final class FlawedToys {
    private FlawedToys() {
    }

    abstract static class Flawed extends SessionProviderContract {
        abstract String flaw();

        @Override
        protected String providerId() {
            return "toy";
        }

        @Override
        protected List<String> knownUsers() {
            return List.of("ann", "ben", "cat");
        }

        @Override
        protected Map<String, String> extraProperties() {
            return Map.of("convene.toy.flaw", flaw());
        }
    }

    static class DropsDescription extends Flawed {
        @Override String flaw() { return "drops-description"; }
    }

    static class IgnoresRecurrence extends Flawed {
        @Override String flaw() { return "ignores-recurrence"; }
    }

    static class WrongStart extends Flawed {
        @Override String flaw() { return "wrong-start"; }
    }

    static class UnknownAsUnavailable extends Flawed {
        @Override String flaw() { return "unknown-as-unavailable"; }
    }

    static class NoTokenRefresh extends Flawed {
        @Override String flaw() { return "no-token-refresh"; }
    }

    abstract static class FlawedNeutral extends NeutralBehaviourContract {
        abstract String flaw();

        @Override
        protected String providerId() {
            return "toy";
        }

        @Override
        protected Map<String, String> extraProperties() {
            return Map.of("convene.toy.flaw", flaw());
        }
    }

    /** Takes the vendor's "already cancelled" for a conflict, so a second cancel fails. */
    static class AlreadyCancelledAsConflict extends FlawedNeutral {
        @Override String flaw() { return "already-cancelled-as-conflict"; }
    }

    /** Reads a cancelled session as scheduled. */
    static class CancelledAsScheduled extends FlawedNeutral {
        @Override String flaw() { return "cancelled-as-scheduled"; }
    }

    /** The provider claims 80-character titles, but this vendor takes 60: the claim is false. */
    static class OverstatedTitleLimit extends FlawedNeutral {
        @Override String flaw() { return ""; }

        @Override
        protected VendorSimulator startSimulator(SimulatorOptions options) {
            return Simulators.start("toy", options.with("max-title", "60"));
        }
    }

    /**
     * Under faults: replays a POST whose connection failed (a duplicate create), reports vendor errors
     * without their code, takes a refused later page for the end of a listing, and logs its bearer token.
     */
    static class BadlyBehavedUnderFaults extends ToyFaultMatrixTest {
        @Override
        protected Map<String, String> extraProperties() {
            return Map.of("convene.toy.flaw", "replays-creates,loses-vendor-code,short-later-page,logs-token");
        }
    }
}
