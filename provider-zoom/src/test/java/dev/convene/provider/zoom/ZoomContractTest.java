package dev.convene.provider.zoom;

import dev.convene.simulator.zoom.ZoomSimulator;
import dev.convene.testkit.SessionProviderContract;
import java.util.List;

/** The whole contract against the Zoom simulator, on the plain {@code /v2/...} paths. */
class ZoomContractTest extends SessionProviderContract {
    @Override
    protected String providerId() {
        return "zoom";
    }

    @Override
    protected List<String> knownUsers() {
        return List.of(ZoomSimulator.SECOND_HOST_EMAIL, ZoomSimulator.NO_WEBINAR_PLAN_EMAIL, ZoomSimulator.CANNOT_HOST_EMAIL);
    }
}
