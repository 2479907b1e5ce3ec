package dev.convene.internal;

import dev.convene.Capabilities;
import dev.convene.Feature;
import dev.convene.InvalidSessionException;
import dev.convene.KindCapabilities;
import dev.convene.ListQuery;
import dev.convene.Operation;
import dev.convene.SessionDraft;
import dev.convene.SessionId;
import dev.convene.SessionKind;
import dev.convene.SessionUpdate;
import dev.convene.UnsupportedFeatureException;
import dev.convene.Violation;
import dev.convene.spi.VendorClient;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The checks before anything is sent: input against the provider's declared capabilities and limits and the
 * vendor's own rules, and where a call goes. Every refusal is an {@link InvalidSessionException} naming each broken
 * rule, or an {@link UnsupportedFeatureException}, and nothing is sent.
 */
final class CallChecks {
    private final String provider;
    private final Capabilities capabilities;
    private final VendorClient client;
    private final Clock clock;

    CallChecks(String provider, Capabilities capabilities, VendorClient client, Clock clock) {
        this.provider = provider;
        this.capabilities = capabilities;
        this.client = client;
        this.clock = clock;
    }

    SessionDraft normalize(SessionDraft draft) {
        if (draft == null) {
            throw new InvalidSessionException(List.of(new Violation("draft", "is required")));
        }
        boolean noOrganizer = draft.organizer() == null || draft.organizer().isBlank();
        if (!noOrganizer && draft.timeZone() != null) {
            return draft;
        }
        SessionDraft.Builder b = draft.toBuilder();
        if (noOrganizer) {
            b.organizer(client.defaultOrganizer());
        }
        if (draft.timeZone() == null) {
            b.timeZone(ZoneOffset.UTC);
        }
        return b.build();
    }

    SessionDraft checkCreate(SessionDraft raw) {
        SessionDraft draft = normalize(raw);
        if (draft.kind() == null) {
            throw new InvalidSessionException(List.of(new Violation("kind", "is required")));
        }
        KindCapabilities kind = supported(draft.kind(), Operation.CREATE);
        features(draft.kind(), kind, UsedFeatures.of(draft));
        List<Violation> violations = new ArrayList<>(Validation.draft(draft, kind.limits(), clock.instant()));
        organizer(violations, draft.organizer());
        // The provider's rules see only times they can compute with; absurd ones are core's violations alone.
        if (violations.isEmpty() || Validation.computable(draft.start(), draft.duration())) {
            violations.addAll(client.validate(draft));
        }
        if (!violations.isEmpty()) {
            throw new InvalidSessionException(violations);
        }
        return draft;
    }

    void checkUpdate(SessionId id, SessionUpdate update) {
        if (update == null) {
            throw new InvalidSessionException(List.of(new Violation("update", "is required")));
        }
        KindCapabilities kind = checkTarget(id, Operation.UPDATE);
        features(id.kind(), kind, UsedFeatures.of(update));
        List<Violation> violations = new ArrayList<>(Validation.update(update, kind.limits(), clock.instant()));
        if (violations.isEmpty() || Validation.computable(update.start(), update.duration())) {
            violations.addAll(client.validate(id, update));
        }
        if (!violations.isEmpty()) {
            throw new InvalidSessionException(violations);
        }
    }

    KindCapabilities checkTarget(SessionId id, Operation operation) {
        if (id == null) {
            throw new InvalidSessionException(List.of(new Violation("id", "is required")));
        }
        if (!id.provider().equals(provider)) {
            throw new InvalidSessionException(List.of(new Violation("id", "belongs to provider '" + id.provider()
                    + "', but this service talks to '" + provider + "'")));
        }
        List<Violation> dots = new ArrayList<>();
        Validation.pathSegment(dots, "id", id.nativeId());
        if (!dots.isEmpty()) {
            throw new InvalidSessionException(dots);
        }
        return supported(id.kind(), operation);
    }

    KindCapabilities supported(SessionKind kind, Operation operation) {
        KindCapabilities k = capabilities.of(kind).orElseThrow(() -> UnsupportedFeatureException.ofKind(provider, kind));
        if (!k.supports(operation)) {
            throw new UnsupportedFeatureException(provider, kind, operation.name());
        }
        return k;
    }

    void features(SessionKind kind, KindCapabilities k, Set<Feature> used) {
        Set<Feature> missing = EnumSet.noneOf(Feature.class);
        missing.addAll(used);
        missing.removeAll(k.features());
        if (!missing.isEmpty()) {
            throw new UnsupportedFeatureException(provider, kind, missing.stream().map(Enum::name).collect(Collectors.joining(", ")));
        }
    }

    Listing checkList(ListQuery query) {
        ListQuery q = query == null ? ListQuery.all() : query;
        List<Violation> violations = new ArrayList<>();
        if (q.pageSize() < 0) {
            violations.add(new Violation("pageSize", "must not be negative, was " + q.pageSize()));
        }
        if (q.from() != null && q.to() != null && q.to().isBefore(q.from())) {
            violations.add(new Violation("to", "must not be before from (" + q.from() + "), was " + q.to()));
        }
        organizer(violations, q.organizer());
        if (!violations.isEmpty()) {
            throw new InvalidSessionException(violations);
        }
        List<SessionKind> kinds;
        if (q.kind() != null) {
            supported(q.kind(), Operation.LIST);
            kinds = List.of(q.kind());
        } else {
            kinds = capabilities.supportedKinds().stream().filter(k -> capabilities.supports(k, Operation.LIST)).sorted().toList();
            if (kinds.isEmpty()) {
                throw new UnsupportedFeatureException(provider, null, "listing sessions");
            }
        }
        if (q.asksForCancelled()) {
            for (SessionKind kind : kinds) {
                if (!capabilities.supports(kind, Feature.LISTS_CANCELLED)) {
                    throw new UnsupportedFeatureException(provider, kind, Feature.LISTS_CANCELLED.name()
                            + " (the vendor does not list cancelled sessions)");
                }
            }
        }
        int index = 0;
        String providerCursor = null;
        if (q.cursor() != null) {
            Cursors.Position position;
            try {
                position = Cursors.decode(q.cursor());
            } catch (IllegalArgumentException e) {
                throw new InvalidSessionException(List.of(new Violation("cursor", e.getMessage())));
            }
            index = kinds.indexOf(position.kind());
            if (index < 0) {
                throw new InvalidSessionException(List.of(new Violation("cursor", "belongs to a listing of other kinds")));
            }
            providerCursor = position.providerCursor();
        }
        String organizer = q.organizer() == null || q.organizer().isBlank() ? client.defaultOrganizer() : q.organizer();
        ListQuery providerQuery = q.toBuilder().kind(kinds.get(index)).organizer(organizer).cursor(providerCursor).build();
        return new Listing(kinds, index, providerQuery, client);
    }

    /** The listing a draft's session is in: its kind and organizer, a minute either side of its start. */
    ListQuery findQuery(SessionDraft d) {
        if (d.kind() == null || d.start() == null || d.title() == null) {
            throw new InvalidSessionException(List.of(new Violation("draft", "needs kind, title and start to be found again")));
        }
        if (!capabilities.supports(d.kind(), Operation.LIST)) {
            throw new UnsupportedFeatureException(provider, d.kind(), Operation.LIST.name() + " (needed to look for the session)");
        }
        Instant start = d.start();
        return ListQuery.of(d.kind()).withOrganizer(d.organizer()).between(start.minusSeconds(60), start.plusSeconds(60));
    }

    /** An organizer goes into vendors' URL paths (Zoom's users/{userId}) and must be text a vendor keeps as it is. */
    private static void organizer(List<Violation> violations, String organizer) {
        if (organizer != null && !organizer.isBlank()) {
            Validation.pathSegment(violations, "organizer", organizer.strip());
            Validation.text(violations, "organizer", organizer);
        }
    }
}
