package dev.convene.benchmarks;

import java.util.Map;
import me.chanjar.weixin.common.error.WxErrorException;
import me.chanjar.weixin.cp.api.WxCpService;
import me.chanjar.weixin.cp.api.impl.WxCpServiceImpl;
import me.chanjar.weixin.cp.api.impl.WxCpServiceOkHttpImpl;
import me.chanjar.weixin.cp.bean.oa.meeting.WxCpMeeting;
import me.chanjar.weixin.cp.config.impl.WxCpDefaultConfigImpl;

/**
 * WxJava 4.6.0 (weixin-java-cp) configured as its users do: {@link WxCpDefaultConfigImpl} with corpId,
 * secret and agentId, its base-URL setting pointed at the stub, and {@link WxCpServiceImpl} (Apache
 * HttpClient, the default) or {@link WxCpServiceOkHttpImpl}; then {@code getMeetingService().create(...)}.
 * The meeting carries the same fields as Convene's {@code meeting/create} body.
 */
final class WxJava {
    private final WxCpService service;
    private final WxCpMeeting meeting;

    WxJava(Map<String, String> props, boolean okHttp) {
        WxCpDefaultConfigImpl config = new WxCpDefaultConfigImpl();
        config.setCorpId(props.get("convene.wecom.corp-id"));
        config.setCorpSecret(props.get("convene.wecom.corp-secret"));
        String agent = props.get("convene.wecom.agent-id");
        config.setAgentId(agent == null ? null : Integer.valueOf(agent));
        config.setBaseApiUrl(props.get("convene.wecom.base-url"));
        WxCpService s = okHttp ? new WxCpServiceOkHttpImpl() : new WxCpServiceImpl();
        s.setWxCpConfigStorage(config);
        this.service = s;
        var draft = Workloads.draft("wecom");
        this.meeting = new WxCpMeeting()
                .setAdminUserId(props.get("convene.wecom.organizer"))
                .setTitle(draft.title())
                .setMeetingStart(draft.start().getEpochSecond())
                .setMeetingDuration((int) draft.duration().toSeconds())
                .setAgentId(config.getAgentId());
    }

    /** The meeting id WeCom answered. */
    String create() {
        try {
            return service.getMeetingService().create(meeting);
        } catch (WxErrorException e) {
            throw new IllegalStateException("WxJava create failed: " + e.getMessage(), e);
        }
    }
}
