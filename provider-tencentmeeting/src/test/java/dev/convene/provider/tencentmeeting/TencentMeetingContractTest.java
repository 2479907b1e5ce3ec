package dev.convene.provider.tencentmeeting;

import dev.convene.testkit.SessionProviderContract;
import java.util.List;

/** The whole contract suite against the Tencent Meeting simulator, over signed HTTP. */
class TencentMeetingContractTest extends SessionProviderContract {
    @Override
    protected String providerId() {
        return "tencentmeeting";
    }

    /** Users of seed 002, which the simulator's address book holds. */
    @Override
    protected List<String> knownUsers() {
        return List.of("test1", "test2", "guest1");
    }

    /** More than one vendor page (Tencent lists at most 20 meetings a page). */
    @Override
    protected int sessionsToPage() {
        return 23;
    }

    /** Tencent meeting ids are ~19-digit numbers. */
    @Override
    protected String unknownNativeId(dev.convene.SessionKind kind) {
        return "5937000510000000001";
    }
}
