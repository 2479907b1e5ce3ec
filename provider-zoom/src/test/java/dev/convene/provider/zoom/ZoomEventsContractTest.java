package dev.convene.provider.zoom;

import dev.convene.testkit.EventsContract;

/** The events contract: the Zoom simulator pushes, convene-events receives. */
class ZoomEventsContractTest extends EventsContract {
    @Override
    protected String providerId() {
        return "zoom";
    }
}
