package dev.convene.testkit;

import java.util.List;

/** The reference provider keeps the whole contract. */
class ToyContractTest extends SessionProviderContract {
    @Override
    protected String providerId() {
        return "toy";
    }

    @Override
    protected List<String> knownUsers() {
        return List.of("ann", "ben", "cat");
    }
}
