package dev.convene.provider.wecom;

import dev.convene.testkit.EventsContract;

/** The events contract: the WeCom simulator pushes, convene-events receives. */
class WeComEventsContractTest extends EventsContract {
    @Override
    protected String providerId() {
        return "wecom";
    }
}
