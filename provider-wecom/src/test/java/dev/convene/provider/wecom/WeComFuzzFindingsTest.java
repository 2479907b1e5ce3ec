package dev.convene.provider.wecom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.convene.InvalidSessionException;
import dev.convene.LiveOptions;
import dev.convene.MediaOptions;
import dev.convene.Recurrence;
import dev.convene.Session;
import dev.convene.SessionKind;
import dev.convene.SessionService;
import dev.convene.SessionUpdate;
import dev.convene.Violation;
import dev.convene.simulator.Operation;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Inputs the reliability module's fuzzing found WeCom refusing after Convene had let them through (or
 * that broke the update): each is now refused before anything is written.
 */
class WeComFuzzFindingsTest {
    final WeComTestbed bed = new WeComTestbed();
    final SessionService service = bed.service();

    @AfterEach
    void stop() {
        service.close();
        bed.close();
    }

    @Test
    void timesBeyondUnsigned32BitSecondsAreRefusedBeforeSending() {
        Instant late = Instant.parse("2130-05-19T01:00:00Z");
        for (SessionKind kind : SessionKind.values()) {
            assertThatThrownBy(() -> service.create(bed.draft(kind).start(late).timeZone(WeComTestbed.SHANGHAI).build()))
                    .isInstanceOfSatisfying(InvalidSessionException.class,
                            e -> assertThat(e.violations()).extracting(Violation::field).contains("start"));
        }
        assertThat(bed.sim.requests(Operation.CREATE)).isEmpty();

        Session webinar = service.create(bed.draft(SessionKind.WEBINAR).build());
        // The start alone fits, but the stored hour pushes the end past 2106-02-07T06:28:15Z.
        assertThatThrownBy(() -> service.update(webinar.id(), SessionUpdate.builder().start(Instant.ofEpochSecond(0xFFFF_FFFFL - 60)).build()))
                .isInstanceOf(InvalidSessionException.class).hasMessageContaining("32-bit Unix seconds");
        assertThat(bed.sim.requests(Operation.UPDATE)).isEmpty();
    }

    @Test
    void anEmptyWebinarDescriptionIsRefusedBeforeSending() {
        assertThatThrownBy(() -> service.create(bed.draft(SessionKind.WEBINAR).description("").build()))
                .isInstanceOf(InvalidSessionException.class).hasMessageContaining("description must not be empty");
        Session webinar = service.create(bed.draft(SessionKind.WEBINAR).build());
        assertThatThrownBy(() -> service.update(webinar.id(), SessionUpdate.builder().description("").build()))
                .isInstanceOf(InvalidSessionException.class).hasMessageContaining("description must not be empty");
        assertThat(bed.sim.requests(Operation.CREATE)).hasSize(1);
        assertThat(bed.sim.requests(Operation.UPDATE)).isEmpty();
    }

    @Test
    void aWebinarWithReplayKeepsCloudRecording() {
        Session webinar = service.create(bed.draft(SessionKind.WEBINAR).media(MediaOptions.DEFAULTS.withAutoRecording(MediaOptions.Recording.CLOUD))
                .live(new LiveOptions(null, true)).build());
        assertThatThrownBy(() -> service.update(webinar.id(), SessionUpdate.builder()
                .media(MediaOptions.DEFAULTS.withAutoRecording(MediaOptions.Recording.LOCAL)).build()))
                .isInstanceOfSatisfying(InvalidSessionException.class,
                        e -> assertThat(e.violations()).extracting(Violation::field).containsExactly("media.autoRecording"));
        assertThat(bed.sim.requests(Operation.UPDATE)).isEmpty();
        // Turning replay off in the same update is fine.
        assertThat(service.update(webinar.id(), SessionUpdate.builder().media(MediaOptions.DEFAULTS.withAutoRecording(MediaOptions.Recording.LOCAL))
                .live(new LiveOptions(null, false)).build()).live().replay()).isFalse();
    }

    @Test
    void aSeriesEndingBeforeTheStoredStartIsRefusedNotSentAsOutcomeUnknown() {
        // Found by fuzzing: the update's rule had no meeting from the stored start, and building the request failed
        // with IndexOutOfBoundsException, reported as "the update may or may not have been applied".
        Session meeting = service.create(bed.draft(SessionKind.MEETING).build());
        int day = meeting.localStart().getDayOfMonth();
        assertThatThrownBy(() -> service.update(meeting.id(), SessionUpdate.builder()
                .recurrence(Recurrence.monthlyOnDay(1, day).until(LocalDate.of(2000, 1, 1))).build()))
                .isInstanceOfSatisfying(InvalidSessionException.class,
                        e -> assertThat(e.violations()).extracting(Violation::field).containsExactly("recurrence.until"));
        assertThat(bed.sim.requests(Operation.UPDATE)).isEmpty();
        assertThat(Duration.between(meeting.start(), service.get(meeting.id()).start())).isZero();
    }
}
