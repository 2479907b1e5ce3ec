package dev.convene.provider.zoom;

import dev.convene.simulator.zoom.ZoomSimulator;
import dev.convene.testkit.NeutralBehaviourContract;
import java.util.List;

/** The neutral-behaviour contract against the Zoom simulator. */
class ZoomNeutralBehaviourTest extends NeutralBehaviourContract {
    @Override
    protected String providerId() {
        return "zoom";
    }

    @Override
    protected List<String> knownUsers() {
        return List.of(ZoomSimulator.SECOND_HOST_EMAIL, ZoomSimulator.NO_WEBINAR_PLAN_EMAIL, ZoomSimulator.CANNOT_HOST_EMAIL);
    }
}
