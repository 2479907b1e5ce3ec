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
import dev.convene.ProviderOption;
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
import dev.convene.spi.Exchange;
import dev.convene.spi.ProviderContext;
import dev.convene.spi.VendorClient;
import dev.convene.spi.http.ProviderHttp;
import dev.convene.spi.json.JsonQuirks;
import dev.convene.spi.token.TokenCache;
import java.time.Duration;
import java.time.Instant;
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
        return rules.check(draft.kind(), Change.of(draft));
    }

    @Override
    public List<Violation> validate(SessionId id, SessionUpdate update) {
        return rules.check(id.kind(), Change.of(update));
    }

    // ---- create ------------------------------------------------------------------------------

    @Override
    public Exchange<Session> create(SessionDraft draft) {
        return switch (draft.kind()) {
            case MEETING -> api.createMeeting(MeetingMapper.INSTANCE.toCreate(draft, agentId))
                    .map(r -> MeetingMapper.INSTANCE.created(draft, r, id(SessionKind.MEETING, r.meetingid())));
            case WEBINAR -> api.createWebinar(WebinarMapper.INSTANCE.toCreate(draft))
                    .map(r -> WebinarMapper.INSTANCE.created(draft, r, id(SessionKind.WEBINAR, r.meetingid())));
            case LIVE_STREAM -> api.createLiving(LivingMapper.INSTANCE.toCreate(draft, agentId))
                    .map(r -> LivingMapper.INSTANCE.created(draft, id(SessionKind.LIVE_STREAM, r.livingid())));
        };
    }

    // ---- get ---------------------------------------------------------------------------------

    @Override
    public Exchange<Session> get(SessionId id) {
        return switch (id.kind()) {
            case MEETING -> meetingInfo(id).map(info -> MeetingMapper.INSTANCE.toSession(info, id));
            case WEBINAR -> webinarInfo(id).map(info -> WebinarMapper.INSTANCE.toSession(info, id));
            case LIVE_STREAM -> notFoundIfInvalid(api.livingInfo(id.nativeId()))
                    .map(r -> LivingMapper.INSTANCE.toSession(Objects.requireNonNull(r.livingInfo(), "living_info"), id));
        };
    }

    private Exchange<MeetingWire.Info> meetingInfo(SessionId id) {
        return notFoundIfInvalid(api.meetingInfo(new MeetingWire.Ref(id.nativeId())));
    }

    private Exchange<WebinarWire.Info> webinarInfo(SessionId id) {
        return notFoundIfInvalid(api.webinar(new WebinarWire.Ref(id.nativeId(), null)));
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
                Session merged = merge(MeetingMapper.INSTANCE.toSession(info, id), update);
                return explained(api.updateMeeting(meetingUpdate(id, info, merged, update)), id).map(ok -> merged);
            });
            case WEBINAR -> webinarInfo(id).then(info -> {
                Session merged = merge(WebinarMapper.INSTANCE.toSession(info, id), update);
                return explained(api.updateWebinar(webinarUpdate(id, info, merged, update)), id).map(ok -> merged);
            });
            // modify takes exactly the changed fields, so it needs no read first; the read after shows WeCom's result.
            case LIVE_STREAM -> explained(api.modifyLiving(LivingMapper.INSTANCE.toModify(update, id.nativeId())), id).then(ok -> get(id));
        };
    }

    /** The session after the update, checked as a whole where WeCom's rules span fields the update alone does not show. */
    private static Session merge(Session current, SessionUpdate update) {
        Session merged = update.applyTo(current);
        if (merged.access() == Access.PASSWORD && merged.password() == null) {
            throw new InvalidSessionException(List.of(new Violation("password", "is required for PASSWORD access")));
        }
        if (merged.access() != Access.PASSWORD && update.access() != null && merged.password() != null) {
            throw new InvalidSessionException(List.of(new Violation("access",
                    "WeCom cannot take a password off a session; it stays " + Access.PASSWORD)));
        }
        if ((update.start() != null || update.duration() != null) && merged.end().isAfter(WeComRules.LATEST_TIME)) {
            throw new InvalidSessionException(List.of(new Violation(update.start() != null ? "start" : "duration",
                    "must end before " + WeComRules.LATEST_TIME + " (WeCom's times are 32-bit Unix seconds), would end " + merged.end())));
        }
        return merged;
    }

    private MeetingWire.Update meetingUpdate(SessionId id, MeetingWire.Info info, Session merged, SessionUpdate u) {
        ProviderOptions options = u.options();
        boolean times = u.start() != null || u.duration() != null;
        boolean settings = u.password() != null || u.access() != null || u.hosts() != null || u.media() != null
                || any(options, WeComOptions.RING_SCOPE, WeComOptions.RING_USERS, WeComOptions.SCREEN_WATERMARK, WeComOptions.ALLOW_EXTERNAL_USERS);
        boolean repeats = u.recurrence() != null || (times && merged.recurrence() != null)
                || any(options, WeComOptions.REMIND_BEFORE, WeComOptions.REPEAT_UNTIL);
        MeetingWire.Reminders reminders = null;
        if (repeats) {
            // Keep the reminder offsets WeCom holds unless the update names new ones.
            List<Integer> held = info.reminders() == null ? null : info.reminders().remindBefore();
            if (options.get(WeComOptions.REMIND_BEFORE).isEmpty() && held != null) {
                options = options.with(WeComOptions.REMIND_BEFORE, held.stream().map(s -> Duration.ofSeconds(s)).toList());
            }
            // Core compares the series with the start only when the update gives one: here the start may be the stored one.
            List<Violation> series = Repeats.occursFrom(merged.recurrence(), merged.start());
            if (!series.isEmpty()) {
                throw new InvalidSessionException(series);
            }
            reminders = Repeats.toWire(merged.recurrence(), merged.start(), options);
        }
        // An update without invitees may clear them (unconfirmed, spec §2.2), so the list is always sent; [] clears it on purpose.
        MeetingWire.UserIds invitees = u.invitees() != null && u.invitees().isEmpty()
                ? new MeetingWire.UserIds(List.of()) : WireValues.userIds(merged.invitees());
        return new MeetingWire.Update(id.nativeId(), u.title(), times ? merged.start() : null, times ? WireValues.seconds(merged.duration()) : null,
                u.description(), WireValues.option(options, WeComOptions.LOCATION), invitees,
                settings ? MeetingMapper.INSTANCE.settings(merged.password(), merged.hosts(), merged.media(), options) : null,
                WireValues.option(options, WeComOptions.CALENDAR_ID), reminders);
    }

    private WebinarWire.Update webinarUpdate(SessionId id, WebinarWire.Info info, Session merged, SessionUpdate u) {
        ProviderOptions o = u.options();
        boolean media = u.media() != null || any(o, WeComOptions.ALLOW_UNMUTE_SELF, WeComOptions.SCREEN_WATERMARK, WeComOptions.WATERMARK_TYPE,
                WeComOptions.ALLOW_EXTERNAL_USERS, WeComOptions.RECORD_WHEN_ATTENDEE_JOINS, WeComOptions.HOST_MAY_PAUSE_RECORDING);
        // playback_for_audience is required on every update: the new wish, else what WeCom holds.
        Boolean playback = u.live() != null && u.live().replay() != null ? u.live().replay() : Boolean.TRUE.equals(info.playbackForAudience());
        // Replay plays back the cloud recording: refuse here what WeCom would refuse, judged on the webinar as it would be.
        MediaOptions.Recording held = info.mediaSetting() == null ? null : WireValues.recording(info.mediaSetting().autoRecordType());
        MediaOptions.Recording recording = u.media() != null && u.media().autoRecording() != null ? u.media().autoRecording() : held;
        if (playback && recording != MediaOptions.Recording.CLOUD) {
            boolean replayAsked = u.live() != null && u.live().replay() != null;
            throw new InvalidSessionException(List.of(new Violation(replayAsked ? "live.replay" : "media.autoRecording",
                    replayAsked ? "needs media.autoRecording CLOUD: WeCom plays back the cloud recording"
                            : "must stay CLOUD while the audience may watch the replay (turn live.replay off in the same update)")));
        }
        // Doc 98843 requires title, times, admission (with its password) and playback on every update (spec,
        // corrections): what the update does not change is restated from the get.
        return new WebinarWire.Update(id.nativeId(), merged.title(), WireValues.option(o, WeComOptions.SPONSOR),
                merged.start(), merged.end(), WireValues.admissionType(merged.access()),
                u.hosts() == null ? null : WireValues.hosts(u.hosts()),
                merged.access() == Access.PASSWORD ? merged.password() : null,
                WireValues.option(o, WeComOptions.COVER_URL), u.description(), WireValues.option(o, WeComOptions.GUEST_INVITE_LINK),
                media ? WebinarMapper.INSTANCE.mediaSetting(merged.media(), o) : null,
                WireValues.option(o, WeComOptions.QUESTIONS_AND_ANSWERS), WireValues.option(o, WeComOptions.SENSITIVE_WORDS),
                WireValues.option(o, WeComOptions.MANUAL_CHECK), WireValues.option(o, WeComOptions.ACTIVITY_PAGE),
                WireValues.option(o, WeComOptions.SHOW_ATTENDEE_COUNT), playback, WireValues.option(o, WeComOptions.PREPARATION_MODE));
    }

    private static boolean any(ProviderOptions options, ProviderOption<?>... which) {
        for (ProviderOption<?> o : which) {
            if (options.get(o).isPresent()) {
                return true;
            }
        }
        return false;
    }

    // ---- cancel ------------------------------------------------------------------------------

    @Override
    public Exchange<Void> cancel(SessionId id) {
        Exchange<Reply.Bare> cancel = switch (id.kind()) {
            case MEETING -> api.cancelMeeting(new MeetingWire.Ref(id.nativeId()));
            case WEBINAR -> api.cancelWebinar(new WebinarWire.Ref(id.nativeId(), null));
            case LIVE_STREAM -> api.cancelLiving(new LivingWire.Ref(id.nativeId()));
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
     * asynchronous). The vendor's time bounds are loose (future meetings always come back), so the page is
     * filtered to {@code from}–{@code to} here.
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
                yield api.userMeetings(new MeetingWire.UserQuery(organizer, query.cursor(), limit, query.from(), query.to()))
                        .then(page -> sessions(kind, page.meetingidList(), page.nextCursor(), query));
            }
            case LIVE_STREAM -> api.userLivings(new LivingWire.UserQuery(organizer, query.cursor(), limit))
                    .then(page -> sessions(kind, page.livingidList(), page.nextCursor(), query));
            case WEBINAR -> throw new UnsupportedFeatureException("wecom", kind, "LIST (WeCom has no webinar list endpoint)");
        };
    }

    private Exchange<Page<Session>> sessions(SessionKind kind, List<String> ids, String nextCursor, ListQuery query) {
        List<Exchange<Session>> gets = (ids == null ? List.<String>of() : ids).stream()
                .map(nativeId -> skipIfGone(get(id(kind, nativeId)))).toList();
        return Exchange.all(gets).map(all -> new Page<>(all.stream().filter(Objects::nonNull)
                .filter(s -> within(s.start(), query.from(), query.to())).toList(), nextCursor));
    }

    /** A session deleted between the listing and the get is simply not listed. */
    private static Exchange<Session> skipIfGone(Exchange<Session> get) {
        return get.recover(e -> e instanceof SessionNotFoundException ? Exchange.completed(null) : Exchange.failed(e));
    }

    private static boolean within(Instant start, Instant from, Instant to) {
        return (from == null || !start.isBefore(from)) && (to == null || !start.isAfter(to));
    }

    private static SessionId id(SessionKind kind, String nativeId) {
        return SessionId.of("wecom", kind, Objects.requireNonNull(nativeId, "the answer carries no id"));
    }
}
