package dev.convene.provider.zoom;

import dev.convene.testkit.NeutralBehaviourContract;

/** The neutral-behaviour contract against the Zoom simulator. */
class ZoomNeutralBehaviourTest extends NeutralBehaviourContract {
    @Override
    protected String providerId() {
        return "zoom";
    }
}
