package dev.convene.provider.zoom;

import static org.assertj.core.api.Assertions.assertThat;

import dev.convene.ListQuery;
import dev.convene.Session;
import dev.convene.SessionDraft;
import dev.convene.SessionKind;
import dev.convene.SessionService;
import dev.convene.simulator.Operation;
import dev.convene.simulator.RecordedRequest;
import java.time.Duration;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Spec §3.5: whether {@code GET /users/{id}/webinars} honours {@code next_page_token} is unconfirmed
 * ({@code page_number} is its documented, if deprecated, parameter); listing must work either way.
 */
class ZoomWebinarListTest {
    ZoomFixture f;

    @AfterEach
    void stop() {
        f.close();
    }

    @ParameterizedTest
    @ValueSource(strings = {"honoured", "ignored"})
    void everyWebinarIsListedExactlyOnce(String pageToken) {
        f = new ZoomFixture(o -> o.with("webinar-list-next-page-token", pageToken));
        SessionService service = f.open();
        List<String> titles = IntStream.range(0, 7).mapToObj(i -> "W" + i).toList();
        for (int i = 0; i < titles.size(); i++) {
            service.create(SessionDraft.builder(SessionKind.WEBINAR).title(titles.get(i)).start(ZoomFixture.NOW.plus(Duration.ofDays(1 + i)))
                    .duration(Duration.ofMinutes(30)).build());
        }
        f.sim.clearRequests();

        // Bounded, so that a listing that never ends fails here instead of hanging the build.
        List<String> listed = service.listAll(ListQuery.of(SessionKind.WEBINAR).withPageSize(3)).limit(50).map(Session::title).toList();

        assertThat(listed).containsExactlyElementsOf(titles);
        List<RecordedRequest> pages = f.sim.requests(Operation.LIST);
        assertThat(pages).hasSize(3);
        assertThat(pages).extracting(r -> r.query("page_number").orElse("1")).containsExactly("1", "2", "3");
        assertThat(pages).allSatisfy(r -> assertThat(r.query("page_size")).contains("3"));
    }
}
