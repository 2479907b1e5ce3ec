package dev.convene.provider.wecom;

import dev.convene.Feature;
import dev.convene.MediaOptions;
import dev.convene.SessionDraft;
import dev.convene.SessionKind;
import dev.convene.testkit.SessionProviderContract;
import java.util.List;
import java.util.Set;

/** The whole contract suite, against the WeCom simulator. */
class WeComContractTest extends SessionProviderContract {
    @Override
    protected String providerId() {
        return "wecom";
    }

    /** Visible members of the simulator's corp; not the organizer (zhangsan), whom WeCom drops from hosts. */
    @Override
    protected List<String> knownUsers() {
        return List.of("lisi", "wangwu", "zhaoliu");
    }

    /** A webinar's replay is its cloud recording, so replay comes with cloud recording. */
    @Override
    protected SessionDraft.Builder complete(SessionKind kind, Set<Feature> features, SessionDraft.Builder draft) {
        if (kind == SessionKind.WEBINAR && features.contains(Feature.LIVE_REPLAY)) {
            SessionDraft d = draft.build();
            return d.toBuilder().media(d.media().withAutoRecording(MediaOptions.Recording.CLOUD));
        }
        return draft;
    }
}
