package dev.convene.provider.tencentmeeting.internal;

import com.squareup.moshi.Moshi;
import dev.convene.InvalidSessionException;
import dev.convene.ListQuery;
import dev.convene.Page;
import dev.convene.Session;
import dev.convene.SessionDraft;
import dev.convene.SessionId;
import dev.convene.SessionKind;
import dev.convene.SessionUpdate;
import dev.convene.Violation;
import dev.convene.provider.tencentmeeting.TencentMeetingOptions;
import dev.convene.spi.Exchange;
import dev.convene.spi.ProviderConfig;
import dev.convene.spi.ProviderContext;
import dev.convene.spi.VendorClient;
import dev.convene.spi.http.ProviderHttp;
import dev.convene.spi.json.JsonQuirks;
import java.time.Clock;
import java.time.Instant;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import okhttp3.OkHttpClient;

/**
 * The Tencent Meeting {@link VendorClient}: meetings and live streams on {@code /v1/meetings},
 * webinars on {@code /v1/webinars}, every request signed by {@link Signer}.
 *
 * <p>A create's answer, completed with what was sent, is the session but for a series' occurrences, which it
 * names missing for core to read back; the client never reads after a write itself (a failed read would look
 * like a failed write and invite a duplicate).
 */
public final class TencentMeetingClient implements VendorClient {
    /** One for every client: Moshi is thread-safe and caches its adapters, which every tenant's client would otherwise build again. */
    private static final Moshi WIRE_JSON = JsonQuirks.moshi().add(TencentMeetingWire.UserIdsAdapter.FACTORY).build();
    /** {@code meeting_type} of a recurring meeting. */
    private static final int RECURRING = 1;
    /** Tencent's list page holds at most this many meetings, and takes no page size (spec §3.4). */
    private static final int PAGE = 20;
    /** Caller-defined cancel reason; Tencent records it and gives it no meaning. */
    private static final int REASON_CODE = 1;

    private final TencentMeetingApi api;
    private final String organizer;
    private final int instanceId;
    private final Clock clock;

    public TencentMeetingClient(ProviderContext context) {
        ProviderConfig config = context.config();
        String secretKey = config.require("secret-key");
        context.redactor().addFixedSecret(secretKey);
        // Like the password (core masks that name), these let whoever reads them in at TRACE watch or host.
        context.redactor().addSensitiveName("live_password");
        context.redactor().addSensitiveName("host_key");
        Signer.Credentials credentials = new Signer.Credentials(config.require("app-id"), config.get("sdk-id"),
                config.require("secret-id"), secretKey);
        this.organizer = config.require("organizer");
        this.instanceId = config.getInt("instance-id", 1);
        this.clock = context.clock();
        Moshi moshi = WIRE_JSON;
        // Each attempt must carry a fresh nonce: OkHttp's own silent retry would resend the signed request
        // unchanged and Tencent would refuse it as a replay (190301). Core retries what is safe, re-signed.
        OkHttpClient http = ProviderHttp.client(context, new Signer(credentials, clock, context.redactor()))
                .newBuilder().retryOnConnectionFailure(false).build();
        this.api = ProviderHttp.endpoints(TencentMeetingApi.class, http, config.get("base-url", "https://api.meeting.qq.com"), moshi,
                new TencentMeetingErrors(moshi, context.redactor(), clock));
    }

    @Override
    public List<Violation> validate(SessionDraft draft) {
        return TencentMeetingRules.draft(draft, clock.instant());
    }

    @Override
    public List<Violation> validate(SessionId id, SessionUpdate update) {
        return TencentMeetingRules.update(id.kind(), update, organizer, clock.instant());
    }

    @Override
    public Exchange<Session> create(SessionDraft d) {
        if (d.kind() == SessionKind.WEBINAR) {
            TencentMeetingWire.WebinarRequest request = TencentMeetingMapper.webinarCreate(d, instanceId);
            return api.createWebinar(request).map(w -> TencentMeetingMapper.webinarCreated(w, d, request));
        }
        TencentMeetingWire.MeetingRequest request = TencentMeetingMapper.meetingCreate(d, instanceId);
        return api.createMeeting(request).map(list -> TencentMeetingMapper.meetingCreated(first(list), d, request));
    }

    @Override
    public Exchange<Session> get(SessionId id) {
        if (id.kind() == SessionKind.WEBINAR) {
            // Only the creator may query a webinar, so the configured organizer asks and is its organizer.
            return api.getWebinar(id.nativeId(), organizer, instanceId).map(w -> TencentMeetingMapper.webinarSession(w, organizer));
        }
        return meetingInfo(id).map(m -> TencentMeetingMapper.meetingSession(m, id.kind(), null));
    }

    private Exchange<TencentMeetingWire.MeetingInfo> meetingInfo(SessionId id) {
        return api.getMeeting(id.nativeId(), organizer, instanceId).map(TencentMeetingClient::first);
    }

    /**
     * Sends the change to the session read first (the rules that need it hold for the change: times given in part,
     * access and password, recurrence, a live stream's new title). Tencent's modify answers ids and settings only, so
     * the answer is the session read first with the change applied, none of it confirmed: core reads it back.
     */
    @Override
    public Exchange<Session> update(SessionId id, SessionUpdate u) {
        if (id.kind() == SessionKind.WEBINAR) {
            return get(id).then(current -> api.modifyWebinar(id.nativeId(),
                            TencentMeetingMapper.webinarModify(needsCurrent(u) ? checked(current, u) : null, u, organizer, instanceId))
                    .map(ignored -> unconfirmed(u.applyTo(current))));
        }
        // A new title renames a live stream only if the stream was titled like the session, which only the held meeting tells.
        boolean renamesStream = id.kind() == SessionKind.LIVE_STREAM && u.title() != null
                && u.options().get(TencentMeetingOptions.LIVE_SUBJECT).isEmpty();
        return meetingInfo(id).then(held -> {
            Session current = TencentMeetingMapper.meetingSession(held, id.kind(), null);
            return modifyMeeting(id, u, needsCurrent(u) || renamesStream ? checked(current, u) : null,
                    renamesStream && TencentMeetingMapper.streamFollowsTitle(held))
                    .map(ignored -> unconfirmed(u.applyTo(current)));
        });
    }

    private static Session unconfirmed(Session expected) {
        return expected.toBuilder().missing(EnumSet.allOf(Session.Part.class)).build();
    }

    private static boolean needsCurrent(SessionUpdate u) {
        return u.start() != null || u.duration() != null || u.access() != null || u.password() != null || u.recurrence() != null;
    }

    private Exchange<Void> modifyMeeting(SessionId id, SessionUpdate u, Session current, boolean streamFollowsTitle) {
        TencentMeetingWire.RecurringRule rule = u.recurrence() == null ? null : TencentMeetingRecurrences.toWire(u.recurrence(),
                (u.start() != null ? u.start() : current.start()).atZone(TencentMeetingMapper.zoneAfter(current, u)), true);
        return api.modifyMeeting(id.nativeId(), TencentMeetingMapper.meetingModify(id.kind(), current, u, organizer, instanceId, rule, streamFollowsTitle))
                .map(ignored -> null);
    }

    /** {@code current}, once the rules that need it hold for the change. */
    private Session checked(Session current, SessionUpdate u) {
        List<Violation> violations = TencentMeetingRules.updateOf(current, u, clock.instant());
        if (!violations.isEmpty()) {
            throw new InvalidSessionException(violations);
        }
        return current;
    }

    @Override
    /** A meeting is read first: a recurring one must be cancelled as such ({@code meeting_type} 1, doc 42422). */
    public Exchange<Void> cancel(SessionId id) {
        if (id.kind() == SessionKind.WEBINAR) {
            return api.cancelWebinar(id.nativeId(), new TencentMeetingWire.CancelRequest(organizer, instanceId, REASON_CODE, null, null));
        }
        return meetingInfo(id).then(held -> api.cancelMeeting(id.nativeId(), new TencentMeetingWire.CancelRequest(organizer, instanceId, REASON_CODE, null,
                held.meetingType() != null && held.meetingType() == RECURRING ? RECURRING : null)));
    }

    /**
     * One page of at most {@code pageSize} (and at most 20: Tencent's page is fixed at 20, spec §3.4) of the
     * organizer's upcoming and running meetings, narrowed to {@code kind} (live streams are the meetings with
     * {@code enable_live}) and to those the organizer created. Tencent takes no page size, so when a vendor page
     * holds more than was asked for, the next page asks for the same vendor page again and leaves out what was
     * shown (its cursor carries those ids). Tencent has no webinar listing, so core never asks for one.
     */
    @Override
    public Exchange<Page<Session>> list(SessionKind kind, ListQuery query) {
        TencentMeetingCursor cursor = cursor(query.cursor());
        Long pos = cursor != null ? Long.valueOf(cursor.pos()) : query.from() == null ? null : query.from().getEpochSecond();
        Long cursory = cursor == null ? null : cursor.cursory();
        int size = query.pageSize() == 0 ? PAGE : Math.min(query.pageSize(), PAGE);
        String user = query.organizer();
        return api.listMeetings(user, instanceId, pos, cursory).map(answer -> {
            if (answer.meetingNumber() == null) {
                // every page states how many meetings it holds, 0 included (spec §3.4): one that does not is no page
                throw new IllegalStateException("a list page without its meeting_number");
            }
            List<TencentMeetingWire.MeetingInfo> items = answer.meetingInfoList() == null ? List.of() : answer.meetingInfoList();
            Set<String> seen = cursor == null ? Set.of() : cursor.listed();
            List<TencentMeetingWire.MeetingInfo> matching = items.stream()
                    .filter(m -> m.joinMeetingRole() == null || m.joinMeetingRole().equals("creator"))
                    .filter(m -> Boolean.TRUE.equals(m.enableLive()) == (kind == SessionKind.LIVE_STREAM))
                    .filter(m -> !seen.contains(m.meetingId()))
                    .toList();
            if (matching.size() > size) {
                List<TencentMeetingWire.MeetingInfo> shown = matching.subList(0, size);
                Set<String> skip = new HashSet<>(seen);
                shown.forEach(m -> skip.add(m.meetingId()));
                TencentMeetingCursor rest = new TencentMeetingCursor(pos == null ? 0 : pos, cursory == null ? 0 : cursory, skip);
                return new Page<>(sessions(shown, kind, user), rest.encode());
            }
            return new Page<>(sessions(matching, kind, user), next(answer, items, cursor, query));
        });
    }

    private static List<Session> sessions(List<TencentMeetingWire.MeetingInfo> meetings, SessionKind kind, String user) {
        return meetings.stream().map(m -> TencentMeetingMapper.meetingSession(m, kind, user)).toList();
    }

    private static String next(TencentMeetingWire.MeetingList answer, List<TencentMeetingWire.MeetingInfo> items, TencentMeetingCursor current, ListQuery query) {
        if (answer.remaining() == null || answer.remaining() <= 0 || answer.nextPos() == null || items.isEmpty()) {
            return null;
        }
        long pos = answer.nextPos();
        if (query.to() != null && pos > query.to().getEpochSecond()) {
            return null;
        }
        Set<String> atPos = items.stream().filter(m -> m.startTime() != null && m.startTime().getEpochSecond() == pos)
                .map(TencentMeetingWire.MeetingInfo::meetingId).collect(Collectors.toSet());
        TencentMeetingCursor next = new TencentMeetingCursor(pos, answer.nextCursory() == null ? 0 : answer.nextCursory(), atPos);
        // A vendor that does not move forward would page forever.
        return next.equals(current) ? null : next.encode();
    }

    private static TencentMeetingCursor cursor(String cursor) {
        if (cursor == null) {
            return null;
        }
        try {
            return TencentMeetingCursor.decode(cursor);
        } catch (IllegalArgumentException e) {
            throw new InvalidSessionException(List.of(new Violation("cursor", e.getMessage())));
        }
    }

    /**
     * Tencent has no token: every request is signed, and the cheapest signed request that changes nothing is
     * the first page of the organizer's meeting list (one page of at most 20, read and dropped).
     */
    @Override
    public Exchange<Void> checkCredentials() {
        return api.listMeetings(organizer, instanceId, null, null).map(ignored -> null);
    }

    @Override
    public String defaultOrganizer() {
        return organizer;
    }

    private static TencentMeetingWire.MeetingInfo first(TencentMeetingWire.MeetingList list) {
        if (list == null || list.meetingInfoList() == null || list.meetingInfoList().isEmpty()) {
            throw new IllegalStateException("the answer has no meeting_info_list entry");
        }
        return list.meetingInfoList().get(0);
    }
}
