package dev.convene.provider.tencentmeeting;

import dev.convene.testkit.NeutralBehaviourContract;
import java.util.List;

/** The neutral-behaviour contract against the Tencent Meeting simulator. */
class TencentMeetingNeutralBehaviourTest extends NeutralBehaviourContract {
    @Override
    protected String providerId() {
        return "tencentmeeting";
    }

    @Override
    protected List<String> knownUsers() {
        return List.of("test1", "test2", "guest1");
    }
}
