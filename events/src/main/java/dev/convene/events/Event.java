package dev.convene.events;

import dev.convene.Session;
import dev.convene.SessionId;
import dev.convene.SessionKind;
import dev.convene.SessionNotFoundException;
import dev.convene.SessionService;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * One verified event from a vendor, in neutral terms. Immutable.
 *
 * <p>The vendors' payloads differ in what they say. WeCom's holds little more than the session's id, and
 * the kind is not always in the payload (WeCom meetings and webinars share one id space; a Tencent
 * meeting may be a live stream): {@link #possibleKinds()} lists the kinds the id may have, most likely
 * first, and {@link #kindKnown()} says whether the payload settled it. {@link #fetch(SessionService)}
 * reads the session as it is now, trying each possible kind.
 */
public final class Event {
    private final String provider;
    private final String tenant;
    private final String nativeId;
    private final List<SessionKind> possibleKinds;
    private final Change change;
    private final Instant occurredAt;
    private final String dedupKey;
    private final String vendorEvent;
    private final String payload;

    private Event(Builder b) {
        this.provider = Objects.requireNonNull(b.provider, "provider");
        this.tenant = b.tenant;
        this.nativeId = b.nativeId;
        this.possibleKinds = b.possibleKinds;
        this.change = Objects.requireNonNull(b.change, "change");
        this.occurredAt = Objects.requireNonNull(b.occurredAt, "occurredAt");
        this.dedupKey = Objects.requireNonNull(b.dedupKey, "dedupKey");
        this.vendorEvent = Objects.requireNonNull(b.vendorEvent, "vendorEvent");
        this.payload = Objects.requireNonNull(b.payload, "payload");
        if (nativeId != null) {
            // checks the id's form once, here, rather than at every use
            SessionId.of(provider, possibleKinds.get(0), nativeId);
        }
    }

    public static Builder builder(String provider) {
        return new Builder(provider);
    }

    /** The provider id: {@code wecom}, {@code tencentmeeting}, {@code zoom}. */
    public String provider() {
        return provider;
    }

    /** The tenant the delivery was addressed to, or {@code null} when none was named. */
    public String tenant() {
        return tenant;
    }

    /**
     * The session concerned, with its most likely kind, or {@code null} when the event names none (an
     * app de-authorised, a chat message). When {@link #kindKnown()} is false, the kind is a guess.
     */
    public SessionId sessionId() {
        return nativeId == null ? null : SessionId.of(provider, possibleKinds.get(0), nativeId);
    }

    /** The kinds the session may have, most likely first: one when the payload tells, empty when there is no session. */
    public List<SessionKind> possibleKinds() {
        return possibleKinds;
    }

    /** Whether the payload said which kind of session this is (false: {@link #sessionId()}'s kind is the likeliest of several). */
    public boolean kindKnown() {
        return possibleKinds.size() == 1;
    }

    public Change change() {
        return change;
    }

    /** When it happened, as the vendor says; the delivery's signed timestamp where the payload has no time. */
    public Instant occurredAt() {
        return occurredAt;
    }

    /**
     * The key that identifies this delivery across the vendor's retries and duplicates, e.g.
     * {@code zoom:meeting.started:1718000000000:85746065432}. It never holds a secret.
     */
    public String dedupKey() {
        return dedupKey;
    }

    /** The vendor's own name for the event: {@code meeting.updated}, {@code meeting_change/modify_meeting}. */
    public String vendorEvent() {
        return vendorEvent;
    }

    /** The vendor's payload as text: Zoom's body, Tencent's decoded {@code data}, WeCom's decrypted XML. */
    public String payload() {
        return payload;
    }

    /**
     * The session as it is now at the vendor: a {@code get} for each {@link #possibleKinds() possible kind}
     * in turn until one finds it.
     *
     * @throws IllegalStateException    if the event names no session
     * @throws SessionNotFoundException if no possible kind finds it (a Zoom session is deleted when cancelled)
     * @throws dev.convene.ConveneException whatever else {@link SessionService#get} throws
     */
    public Session fetch(SessionService sessions) {
        if (nativeId == null) {
            throw new IllegalStateException("event " + vendorEvent + " from " + provider + " names no session");
        }
        SessionNotFoundException notFound = null;
        for (SessionKind kind : possibleKinds) {
            try {
                return sessions.get(SessionId.of(provider, kind, nativeId));
            } catch (SessionNotFoundException e) {
                if (notFound == null) {
                    notFound = e;
                } else {
                    notFound.addSuppressed(e);
                }
            }
        }
        throw notFound;
    }

    /** What, where and when; never the payload (it may hold personal data). */
    @Override
    public String toString() {
        return "Event[" + provider + (tenant == null ? "" : "/" + tenant) + " " + change.wireName() + " " + sessionId()
                + (kindKnown() || nativeId == null ? "" : " (kind not known: " + possibleKinds + ")")
                + " at " + occurredAt + ", " + vendorEvent + ", key " + dedupKey + "]";
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Event e && provider.equals(e.provider) && Objects.equals(tenant, e.tenant)
                && Objects.equals(nativeId, e.nativeId) && possibleKinds.equals(e.possibleKinds) && change == e.change
                && occurredAt.equals(e.occurredAt) && dedupKey.equals(e.dedupKey) && vendorEvent.equals(e.vendorEvent)
                && payload.equals(e.payload);
    }

    @Override
    public int hashCode() {
        return Objects.hash(provider, tenant, nativeId, change, occurredAt, dedupKey);
    }

    public static final class Builder {
        private final String provider;
        private String tenant;
        private String nativeId;
        private List<SessionKind> possibleKinds = List.of();
        private Change change;
        private Instant occurredAt;
        private String dedupKey;
        private String vendorEvent;
        private String payload;

        private Builder(String provider) {
            this.provider = provider;
        }

        public Builder tenant(String tenant) {
            this.tenant = tenant;
            return this;
        }

        /**
         * The session concerned: the vendor's id and the kinds it may have, most likely first.
         *
         * @throws IllegalArgumentException if no kind is given or one is repeated
         */
        public Builder session(String nativeId, SessionKind... possibleKinds) {
            List<SessionKind> kinds = List.of(possibleKinds);
            if (kinds.isEmpty() || kinds.stream().distinct().count() != kinds.size()) {
                throw new IllegalArgumentException("a session needs one or more distinct possible kinds, was " + kinds);
            }
            this.nativeId = Objects.requireNonNull(nativeId, "nativeId");
            this.possibleKinds = kinds;
            return this;
        }

        public Builder change(Change change) {
            this.change = change;
            return this;
        }

        public Builder occurredAt(Instant occurredAt) {
            this.occurredAt = occurredAt;
            return this;
        }

        public Builder dedupKey(String dedupKey) {
            this.dedupKey = dedupKey;
            return this;
        }

        public Builder vendorEvent(String vendorEvent) {
            this.vendorEvent = vendorEvent;
            return this;
        }

        public Builder payload(String payload) {
            this.payload = payload;
            return this;
        }

        /**
         * @throws NullPointerException     naming the first required part not set (change, occurredAt, dedupKey, vendorEvent, payload)
         * @throws IllegalArgumentException if the provider id or native id is not of {@link SessionId}'s form
         */
        public Event build() {
            return new Event(this);
        }
    }
}
