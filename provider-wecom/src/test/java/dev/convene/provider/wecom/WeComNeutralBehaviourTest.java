package dev.convene.provider.wecom;

import dev.convene.testkit.NeutralBehaviourContract;
import java.util.List;

/** The neutral-behaviour contract against the WeCom simulator. */
class WeComNeutralBehaviourTest extends NeutralBehaviourContract {
    @Override
    protected String providerId() {
        return "wecom";
    }

    @Override
    protected List<String> knownUsers() {
        return List.of("lisi", "wangwu", "zhaoliu");
    }
}
