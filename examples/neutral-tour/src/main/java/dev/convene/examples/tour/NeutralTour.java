package dev.convene.examples.tour;

import dev.convene.Convene;
import dev.convene.Feature;
import dev.convene.KindCapabilities;
import dev.convene.ListQuery;
import dev.convene.Operation;
import dev.convene.Recurrence;
import dev.convene.Session;
import dev.convene.SessionDraft;
import dev.convene.SessionId;
import dev.convene.SessionKind;
import dev.convene.SessionNotFoundException;
import dev.convene.SessionService;
import dev.convene.SessionStatus;
import dev.convene.SessionUpdate;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * One program for every provider: it schedules, reads, moves, lists and cancels a weekly meeting, a webinar and a
 * live stream, each with a Chinese title, on whichever provider the configuration names. It never asks which
 * provider that is; it only asks {@link SessionService#capabilities()} what the provider offers (a kind at all, a
 * rule that repeats, a listing, whether cancelled sessions stay readable).
 *
 * <pre>{@code
 * java -cp … dev.convene.examples.tour.NeutralTour convene.properties
 * }</pre>
 */
public final class NeutralTour {
    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

    private NeutralTour() {
    }

    /**
     * What the tour did with one kind: the session as created, as read, as moved a week on, whether a listing
     * found it ({@code null} where the kind cannot be listed), and what a read after the cancel said.
     *
     * @param afterCancel {@link SessionStatus#CANCELLED} where the vendor keeps cancelled sessions, {@code null}
     *                    where it deletes them (the read then raised {@link SessionNotFoundException})
     */
    public record Visit(SessionKind kind, Session created, Session read, Session moved, Boolean listed, SessionStatus afterCancel) {
        /** One line about the visit. */
        public String summary() {
            return kind.wireName() + " " + created.id() + " \"" + created.title() + "\": created for " + created.localStart()
                    + (created.recurrence() == null ? "" : " (" + created.recurrence() + ")") + ", moved to " + moved.localStart()
                    + (listed == null ? ", not listable" : listed ? ", listed" : ", NOT listed")
                    + ", after cancel " + (afterCancel == null ? "gone" : afterCancel.name().toLowerCase(java.util.Locale.ROOT));
        }
    }

    /**
     * Runs the tour on the provider {@code args[0]} (a properties file) configures, or, without it, on what
     * the environment and system properties configure.
     *
     * @throws dev.convene.ConveneException when the configuration is incomplete or a vendor refuses a call
     */
    public static void main(String[] args) {
        Convene.Builder builder = Convene.builder();
        if (args.length > 0) {
            builder.propertiesFile(Path.of(args[0]));
        }
        try (SessionService sessions = builder.build()) {
            System.out.println("provider " + sessions.provider());
            for (Visit visit : tour(sessions, Clock.systemUTC())) {
                System.out.println("  " + visit.summary());
            }
        }
    }

    /**
     * The tour: for each of meeting, webinar and live stream the provider offers, one session from create to
     * cancel. Sessions start two days after {@code clock}'s now, at 10:00 in Shanghai.
     *
     * @throws dev.convene.ConveneException when a vendor refuses a call (the tour stops there)
     */
    public static List<Visit> tour(SessionService sessions, Clock clock) {
        Map<SessionKind, String> titles = Map.of(
                SessionKind.MEETING, "产品周会",
                SessionKind.WEBINAR, "季度发布会",
                SessionKind.LIVE_STREAM, "新品直播");
        ZonedDateTime start = ZonedDateTime.now(clock.withZone(SHANGHAI)).plusDays(2).with(LocalTime.of(10, 0));
        List<Visit> visits = new ArrayList<>();
        for (SessionKind kind : List.of(SessionKind.MEETING, SessionKind.WEBINAR, SessionKind.LIVE_STREAM)) {
            KindCapabilities offered = sessions.capabilities().of(kind).orElse(null);
            if (offered == null || !offered.supports(Operation.CREATE)) {
                continue;
            }
            visits.add(visit(sessions, kind, offered, titles.get(kind), start.plusMinutes(10L * visits.size())));
        }
        return visits;
    }

    private static Visit visit(SessionService sessions, SessionKind kind, KindCapabilities offered, String title, ZonedDateTime start) {
        SessionDraft.Builder draft = SessionDraft.builder(kind).title(title).start(start).duration(Duration.ofHours(1));
        if (kind == SessionKind.MEETING && offered.supports(Feature.RECURRENCE)) {
            // Weekly on the start's own day: a series starts on a day its rule contains, on every provider.
            draft.recurrence(Recurrence.weekly(1, start.getDayOfWeek()).times(4));
        }
        Session created = sessions.create(draft.build());
        SessionId id = created.id();

        Session read = sessions.get(id);

        // A week on keeps a weekly series on its day; the change goes out with a new title.
        Session moved = sessions.update(id, SessionUpdate.builder().title(title + "（改期）").start(start.plusWeeks(1)).build());

        Boolean listed = null;
        if (offered.supports(Operation.LIST)) {
            ListQuery around = ListQuery.of(kind).between(moved.start().minusSeconds(60), moved.start().plusSeconds(60));
            try (var all = sessions.listAll(around)) {
                listed = all.anyMatch(s -> s.id().equals(id));
            }
        }

        sessions.cancel(id);
        SessionStatus afterCancel;
        if (offered.supports(Feature.KEEPS_CANCELLED)) {
            afterCancel = sessions.get(id).status();
        } else {
            try {
                afterCancel = sessions.get(id).status();
            } catch (SessionNotFoundException gone) {
                afterCancel = null;
            }
        }
        return new Visit(kind, created, read, moved, listed, afterCancel);
    }
}
