package dev.convene.provider.tencentmeeting;

import dev.convene.testkit.NeutralBehaviourContract;

/** The neutral-behaviour contract against the Tencent Meeting simulator. */
class TencentMeetingNeutralBehaviourTest extends NeutralBehaviourContract {
    @Override
    protected String providerId() {
        return "tencentmeeting";
    }
}
