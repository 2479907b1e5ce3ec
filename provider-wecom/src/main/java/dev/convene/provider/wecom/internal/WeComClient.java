package dev.convene.provider.wecom.internal;

import com.squareup.moshi.Moshi;
import dev.convene.Access;
import dev.convene.AlreadyCancelledException;
import dev.convene.ConfigurationException;
import dev.convene.ConflictException;
import dev.convene.InvalidSessionException;
import dev.convene.ListQuery;
import dev.convene.MediaOptions;
import dev.convene.Page;
import dev.convene.ProviderOptions;
import dev.convene.Session;
import dev.convene.SessionDraft;
import dev.convene.SessionId;
import dev.convene.SessionKind;
import dev.convene.SessionNotFoundException;
import dev.convene.SessionStatus;
import dev.convene.SessionUpdate;
import dev.convene.UnsupportedFeatureException;
import dev.convene.VendorException;
import dev.convene.Violation;
import dev.convene.provider.wecom.WeComOptions;
import dev.convene.provider.wecom.WeComProvider;
import dev.convene.spi.Exchange;
import dev.convene.spi.ProviderContext;
import dev.convene.spi.VendorClient;
import dev.convene.spi.http.ProviderHttp;
import dev.convene.spi.json.JsonQuirks;
import dev.convene.spi.token.TokenCache;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The WeCom client: meetings under {@code /cgi-bin/meeting/*}, webinars under {@code /cgi-bin/meeting/webinar/*},
 * livings under {@code /cgi-bin/living/*}, routed by the {@link SessionId}'s kind.
 *
 * <p>WeCom documents no code for "no such meeting" or "not in a state that allows this" (spec §5, §7); it
 * answers both with 40058 (invalid parameter), as the simulator does by default. A get whose only
 * parameter is the id therefore reads 40058 as not found; an update or cancel refused with 40058 is
 * explained by reading the session: gone → not found, cancelled → already cancelled, otherwise
 * started or ended → conflict.
 */
public final class WeComClient implements VendorClient {
    private static final String DEFAULT_BASE_URL = "https://qyapi.weixin.qq.com";
    private static final String INVALID_PARAMETER = Integer.toString(WeComErrors.INVALID_PARAMETER);
    /** get_user_meetingid refuses a begin-to-end span longer than this (spec §2.5). */
    private static final Duration MAX_LIST_SPAN = Duration.ofDays(180);
    private static final int MAX_PAGE = 100;

    private final ProviderContext context;
    private final WeComApi api;
    private final WeComRules rules;
    private final Integer agentId;
    /** The credential check: this app's token, obtained as every call obtains it. */
    private final Exchange<Void> credentialCheck;

    private WeComClient(ProviderContext context, WeComApi api, Exchange<Void> credentialCheck) {
        this.context = context;
        this.api = api;
        this.credentialCheck = credentialCheck;
        this.rules = new WeComRules(context.clock());
        String agent = context.config().get("agent-id").orElse(null);
        this.agentId = agent == null ? null : context.config().getInt("agent-id", 0);
    }

    public static WeComClient open(ProviderContext context) {
        String baseUrl = context.config().get("base-url", DEFAULT_BASE_URL);
        String corpId = context.config().require("corp-id");
        String corpSecret = context.config().require("corp-secret");
        context.redactor().addFixedSecret(corpSecret);
        // Like the password (core masks that name), these let whoever reads them in at TRACE join or host.
        context.redactor().addSensitiveName("host_key");
        context.redactor().addSensitiveName("manual_check_password");
        Moshi moshi = wireJson();
        WeComErrors errors = new WeComErrors(context.redactor());
        AtomicReference<TokenCache> tokens = new AtomicReference<>();
        WeComApi api = ProviderHttp.endpoints(WeComApi.class, context, baseUrl, moshi, errors, endpoints -> {
            AccessTokens interceptor = AccessTokens.create(context, endpoints, moshi, baseUrl, corpId, corpSecret);
            tokens.set(interceptor.tokens());
            return interceptor;
        });
        Exchange<Void> check = tokens.get().obtain(context.httpClient().dispatcher().executorService()).map(token -> null);
        return new WeComClient(context, api, check);
    }

    /** A token for corp-id and corp-secret (gettoken), as the calls obtain it: the held one while it is valid. */
    @Override
    public Exchange<Void> checkCredentials() {
        return credentialCheck;
    }

    /**
     * The JSON of WeCom's wire: core's quirk adapters (Unix seconds as numbers or strings, 0/1 flags, enum fallback).
     * One for every client: Moshi is thread-safe and caches its adapters, which every tenant's client would otherwise build again.
     */
    private static final Moshi WIRE_JSON = JsonQuirks.moshi().build();

    static Moshi wireJson() {
        return WIRE_JSON;
    }

    @Override
    public String defaultOrganizer() {
        return context.config().get("organizer").orElseThrow(() -> new ConfigurationException(
                "missing configuration " + context.config().key("organizer") + ": WeCom needs an admin or anchor userid for every session",
                List.of(context.config().key("organizer")), null));
    }

    @Override
    public List<Violation> validate(SessionDraft draft) {
        return rules.check(draft.kind(), WeComRules.Change.of(draft));
    }

    @Override
    public List<Violation> validate(SessionId id, SessionUpdate update) {
        return rules.check(id.kind(), WeComRules.Change.of(update));
    }

    // ---- create ------------------------------------------------------------------------------

    @Override
    public Exchange<Session> create(SessionDraft draft) {
        return switch (draft.kind()) {
            case MEETING -> api.createMeeting(WeComMapper.meetingCreate(draft, agentId))
                    .map(r -> WeComMapper.meetingCreated(draft, r, id(SessionKind.MEETING, r.meetingid())));
            case WEBINAR -> api.createWebinar(WeComMapper.webinarCreate(draft))
                    .map(r -> WeComMapper.webinarCreated(draft, r, id(SessionKind.WEBINAR, r.meetingid())));
            case LIVE_STREAM -> api.createLiving(WeComMapper.livingCreate(draft, agentId))
                    .map(r -> WeComMapper.livingCreated(draft, id(SessionKind.LIVE_STREAM, r.livingid())));
        };
    }

    // ---- get ---------------------------------------------------------------------------------

    @Override
    public Exchange<Session> get(SessionId id) {
        return switch (id.kind()) {
            case MEETING -> meetingInfo(id).map(info -> WeComMapper.meetingSession(info, id));
            case WEBINAR -> webinarInfo(id).map(info -> WeComMapper.webinarSession(info, id));
            case LIVE_STREAM -> notFoundIfInvalid(api.livingInfo(id.nativeId()))
                    .map(r -> WeComMapper.livingSession(Objects.requireNonNull(r.livingInfo(), "living_info"), id));
        };
    }

    private Exchange<WeComWire.Meeting.Info> meetingInfo(SessionId id) {
        return notFoundIfInvalid(api.meetingInfo(new WeComWire.Meeting.Ref(id.nativeId())));
    }

    private Exchange<WeComWire.Webinar.Info> webinarInfo(SessionId id) {
        return notFoundIfInvalid(api.webinar(new WeComWire.Webinar.Ref(id.nativeId(), null)));
    }

    /** The id is a get's only parameter, so an "invalid parameter" refusal can only mean the id is unknown (or another app's). */
    private static <T> Exchange<T> notFoundIfInvalid(Exchange<T> get) {
        return get.recover(e -> Exchange.failed(isInvalidParameter(e) ? new SessionNotFoundException(((VendorException) e).error()) : e));
    }

    // ---- update ------------------------------------------------------------------------------

    /**
     * Meetings and webinars are read first: WeCom wants start and duration together, the full invitee list,
     * and on every webinar update its title, times, admission and playback flag.
     */
    @Override
    public Exchange<Session> update(SessionId id, SessionUpdate update) {
        return switch (id.kind()) {
            case MEETING -> meetingInfo(id).then(info -> {
                Session merged = WeComRules.merged(WeComMapper.meetingSession(info, id), update);
                return explained(api.updateMeeting(meetingUpdate(id, info, merged, update)), id).map(ok -> unconfirmed(merged));
            });
            case WEBINAR -> webinarInfo(id).then(info -> {
                Session merged = WeComRules.merged(WeComMapper.webinarSession(info, id), update);
                return explained(api.updateWebinar(webinarUpdate(id, info, merged, update)), id).map(ok -> unconfirmed(merged));
            });
            // modify takes exactly the changed fields; the read first is what the answer is made of should core's read after fail.
            case LIVE_STREAM -> get(id).then(current -> explained(api.modifyLiving(WeComMapper.livingModify(update, id.nativeId())), id)
                    .map(ok -> unconfirmed(update.applyTo(current))));
        };
    }

    /** WeCom answers an update with its errcode alone: nothing of the session as it now is is confirmed (core reads it back). */
    private static Session unconfirmed(Session expected) {
        return expected.toBuilder().missing(EnumSet.allOf(Session.Part.class)).build();
    }

    private WeComWire.Meeting.Update meetingUpdate(SessionId id, WeComWire.Meeting.Info info, Session merged, SessionUpdate u) {
        ProviderOptions options = u.options();
        WeComWire.Meeting.Reminders reminders = null;
        if (u.removesRecurrence()) {
            // is_repeat 0 makes the series the one-off meeting at its start (spec §2.1.2, §2.2); held reminders stay.
            List<Integer> held = info.reminders() == null ? null : info.reminders().remindBefore();
            List<Integer> remind = options.get(WeComOptions.REMIND_BEFORE).map(o -> o.stream().map(d -> (int) d.toSeconds()).toList()).orElse(held);
            return WeComMapper.meetingUpdate(id, merged, u, options,
                    new WeComWire.Meeting.Reminders(0, null, null, null, remind, null, null, null, null, null));
        }
        if (WeComMapper.changesRepeats(u, merged)) {
            // Keep the reminder offsets WeCom holds unless the update names new ones.
            List<Integer> held = info.reminders() == null ? null : info.reminders().remindBefore();
            if (options.get(WeComOptions.REMIND_BEFORE).isEmpty() && held != null) {
                options = options.with(WeComOptions.REMIND_BEFORE, held.stream().map(s -> Duration.ofSeconds(s)).toList());
            }
            // Core compares the series with the start only when the update gives one: here the start may be the stored one.
            List<Violation> series = WeComRecurrences.occursFrom(merged.recurrence(), merged.start());
            if (!series.isEmpty()) {
                throw new InvalidSessionException(series);
            }
            reminders = WeComRecurrences.toWire(merged.recurrence(), merged.start(), options);
        }
        return WeComMapper.meetingUpdate(id, merged, u, options, reminders);
    }

    private WeComWire.Webinar.Update webinarUpdate(SessionId id, WeComWire.Webinar.Info info, Session merged, SessionUpdate u) {
        // playback_for_audience is required on every update: the new wish, else what WeCom holds.
        Boolean playback = u.live() != null && u.live().replay() != null ? u.live().replay() : Boolean.TRUE.equals(info.playbackForAudience());
        MediaOptions.Recording held = info.mediaSetting() == null ? null : WeComMapper.recording(info.mediaSetting().autoRecordType());
        WeComRules.replayNeedsCloud(playback, held, u);
        return WeComMapper.webinarUpdate(id, merged, u, playback);
    }

    // ---- cancel ------------------------------------------------------------------------------

    @Override
    public Exchange<Void> cancel(SessionId id) {
        Exchange<WeComWire.Reply.Bare> cancel = switch (id.kind()) {
            case MEETING -> api.cancelMeeting(new WeComWire.Meeting.Ref(id.nativeId()));
            case WEBINAR -> api.cancelWebinar(new WeComWire.Webinar.Ref(id.nativeId(), null));
            case LIVE_STREAM -> api.cancelLiving(new WeComWire.Living.Ref(id.nativeId()));
        };
        return explained(cancel, id).map(ok -> null);
    }

    /** An update or cancel refused with 40058: read the session to tell "gone", "already cancelled" and "too late" apart. */
    private <T> Exchange<T> explained(Exchange<T> write, SessionId id) {
        return write.recover(e -> {
            if (!isInvalidParameter(e)) {
                return Exchange.failed(e);
            }
            VendorException refusal = (VendorException) e;
            return get(id).then(current -> Exchange.failed(
                    current.status() == SessionStatus.CANCELLED ? new AlreadyCancelledException(refusal.error())
                            : current.status() != SessionStatus.SCHEDULED ? new ConflictException(refusal.error())
                            : refusal));
        });
    }

    private static boolean isInvalidParameter(Exception e) {
        return e instanceof VendorException v && v.vendorCode().equals(INVALID_PARAMETER);
    }

    // ---- list --------------------------------------------------------------------------------

    /**
     * WeCom lists ids only, so each page is followed by one get per id (run in parallel when the call is
     * asynchronous), each retried on its own under core's policy ({@link dev.convene.spi.ProviderContext#reads()}). The vendor's time bounds are loose (future meetings always come back); core
     * keeps the page to {@code from}–{@code to}.
     */
    @Override
    public Exchange<Page<Session>> list(SessionKind kind, ListQuery query) {
        Integer limit = query.pageSize() == 0 ? null : Math.min(query.pageSize(), MAX_PAGE);
        String organizer = query.organizer() == null ? defaultOrganizer() : query.organizer();
        return switch (kind) {
            case MEETING -> {
                // WeCom takes a missing end_time as now, so a from alone spans from it to now.
                Instant end = query.to() != null ? query.to() : context.clock().instant();
                if (query.from() != null && Duration.between(query.from(), end).compareTo(MAX_LIST_SPAN) > 0) {
                    throw new InvalidSessionException(List.of(query.to() != null
                            ? new Violation("to", "WeCom lists at most 180 days at a time, from " + query.from())
                            : new Violation("from", "WeCom lists at most 180 days back from now (the end when none is given), was " + query.from())));
                }
                yield api.userMeetings(new WeComWire.Meeting.UserQuery(organizer, query.cursor(), limit, query.from(), query.to()))
                        .then(page -> sessions(kind, page.meetingidList(), page.nextCursor(), query));
            }
            case LIVE_STREAM -> api.userLivings(new WeComWire.Living.UserQuery(organizer, query.cursor(), limit))
                    .then(page -> sessions(kind, page.livingidList(), page.nextCursor(), query));
            case WEBINAR -> throw new UnsupportedFeatureException(WeComProvider.ID, kind, "LIST (WeCom has no webinar list endpoint)");
        };
    }

    private Exchange<Page<Session>> sessions(SessionKind kind, List<String> ids, String nextCursor, ListQuery query) {
        // each get is retried on its own (core's policy): one failed item would otherwise fail, and repeat, the page
        List<Exchange<Session>> gets = (ids == null ? List.<String>of() : ids).stream()
                .map(nativeId -> skipIfGone(context.reads().retried(get(id(kind, nativeId))))).toList();
        return Exchange.all(gets).map(all -> new Page<>(all.stream().filter(Objects::nonNull).toList(), nextCursor));
    }

    /** A session deleted between the listing and the get is simply not listed. */
    private static Exchange<Session> skipIfGone(Exchange<Session> get) {
        return get.recover(e -> e instanceof SessionNotFoundException ? Exchange.completed(null) : Exchange.failed(e));
    }


    private static SessionId id(SessionKind kind, String nativeId) {
        return SessionId.of(WeComProvider.ID, kind, Objects.requireNonNull(nativeId, "the answer carries no id"));
    }
}
