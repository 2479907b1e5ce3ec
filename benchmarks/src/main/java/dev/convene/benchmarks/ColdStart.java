package dev.convene.benchmarks;

import dev.convene.Convene;
import dev.convene.Session;
import dev.convene.SessionDraft;
import dev.convene.SessionKind;
import dev.convene.SessionService;
import java.time.Duration;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.Map;
import me.chanjar.weixin.cp.api.WxCpService;
import me.chanjar.weixin.cp.api.impl.WxCpServiceImpl;
import me.chanjar.weixin.cp.bean.oa.meeting.WxCpMeeting;
import me.chanjar.weixin.cp.config.impl.WxCpDefaultConfigImpl;

/**
 * A fresh JVM's way from {@code main()} to its first successful WeCom meeting create, written as each
 * library's users write it: {@code java -cp benchmarks.jar dev.convene.benchmarks.ColdStart convene|wxjava key=value …}
 * (the keys are a WeCom stub's {@code convene.wecom.*} properties). Prints {@code COLD <ms>}. Nothing
 * else of the benchmarks is loaded first.
 */
public final class ColdStart {
    private ColdStart() {
    }

    public static void main(String[] args) throws Exception {
        long started = System.nanoTime();
        Map<String, String> props = new HashMap<>();
        for (int i = 1; i < args.length; i++) {
            String[] kv = args[i].split("=", 2);
            props.put(kv[0], kv[1]);
        }
        ZonedDateTime start = ZonedDateTime.now(ZoneId.of("Asia/Shanghai")).plusDays(1).truncatedTo(ChronoUnit.DAYS).withHour(10);
        String id;
        if (args[0].equals("convene")) {
            try (SessionService sessions = Convene.open(props)) {
                Session s = sessions.create(SessionDraft.builder(SessionKind.MEETING).title("Weekly sync").start(start)
                        .duration(Duration.ofMinutes(45)).build());
                id = s.id().nativeId();
                report(started, id);
            }
        } else {
            WxCpDefaultConfigImpl config = new WxCpDefaultConfigImpl();
            config.setCorpId(props.get("convene.wecom.corp-id"));
            config.setCorpSecret(props.get("convene.wecom.corp-secret"));
            config.setAgentId(Integer.valueOf(props.get("convene.wecom.agent-id")));
            config.setBaseApiUrl(props.get("convene.wecom.base-url"));
            WxCpService service = new WxCpServiceImpl();
            service.setWxCpConfigStorage(config);
            id = service.getMeetingService().create(new WxCpMeeting()
                    .setAdminUserId(props.get("convene.wecom.organizer")).setTitle("Weekly sync")
                    .setMeetingStart(start.toEpochSecond()).setMeetingDuration(45 * 60).setAgentId(config.getAgentId()));
            report(started, id);
        }
    }

    private static void report(long started, String id) {
        long micros = (System.nanoTime() - started) / 1000;
        if (id == null || id.isEmpty()) {
            throw new IllegalStateException("no meeting id");
        }
        System.out.println("COLD " + micros / 1000.0);
    }
}
