package dev.convene.provider.wecom;

import dev.convene.testkit.NeutralBehaviourContract;

/** The neutral-behaviour contract against the WeCom simulator. */
class WeComNeutralBehaviourTest extends NeutralBehaviourContract {
    @Override
    protected String providerId() {
        return "wecom";
    }
}
