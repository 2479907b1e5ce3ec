package dev.convene.provider.tencentmeeting;

import dev.convene.testkit.EventsContract;

/** The events contract: the TencentMeeting simulator pushes, convene-events receives. */
class TencentMeetingEventsContractTest extends EventsContract {
    @Override
    protected String providerId() {
        return "tencentmeeting";
    }
}
