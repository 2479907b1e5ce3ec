package dev.convene.provider.tencentmeeting;

import static org.assertj.core.api.Assertions.assertThat;

import dev.convene.ListQuery;
import dev.convene.Page;
import dev.convene.Session;
import dev.convene.SessionId;
import dev.convene.SessionKind;
import dev.convene.simulator.Operation;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * {@link ListQuery#pageSize()} on Tencent Meeting, whose list takes no page size and answers at most 20 meetings
 * a page (spec §3.4): a page holds at most what was asked for, at most 20, and the pages together hold every
 * session exactly once.
 */
class PageSizeTest {
    final Simulated env = new Simulated();

    @AfterEach
    void stop() {
        env.close();
    }

    List<SessionId> create(int n) {
        List<SessionId> ids = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            ids.add(env.service.create(Simulated.draft(SessionKind.MEETING).title("Paged " + i)
                    .start(Simulated.draft(SessionKind.MEETING).build().start().plus(Duration.ofMinutes(i))).build()).id());
        }
        return ids;
    }

    /** Every page of a walk with {@code size}, each checked to hold no more than {@code most}. */
    List<SessionId> walk(int size, int most) {
        List<SessionId> listed = new ArrayList<>();
        ListQuery query = ListQuery.of(SessionKind.MEETING).withPageSize(size);
        Page<Session> page = env.service.list(query);
        while (true) {
            assertThat(page.items()).as("a page of size " + size).hasSizeLessThanOrEqualTo(most);
            page.items().forEach(s -> listed.add(s.id()));
            if (!page.hasNext()) {
                return listed;
            }
            page = env.service.list(query.withCursor(page.nextCursor()));
        }
    }

    @Test
    void aPageHoldsNoMoreThanAskedForAndThePagesHoldEverySessionOnce() {
        List<SessionId> created = create(7);
        for (int size : new int[] {1, 2, 3, 7}) {
            List<SessionId> listed = walk(size, size);
            assertThat(listed).as("size " + size).doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(created);
        }
        assertThat(env.service.list(ListQuery.of(SessionKind.MEETING).withPageSize(3)).items()).hasSize(3);
        assertThat(env.service.listAll(ListQuery.of(SessionKind.MEETING).withPageSize(2)).map(Session::id).toList())
                .containsExactlyInAnyOrderElementsOf(created);
    }

    @Test
    void aPageSizeAboveTheVendorsGetsItsTwentyAndTheDefaultToo() {
        List<SessionId> created = create(25);
        for (int size : new int[] {0, 20, 50}) {
            Page<Session> first = env.service.list(ListQuery.of(SessionKind.MEETING).withPageSize(size));
            assertThat(first.items()).as("size " + size).hasSize(20);
            assertThat(first.hasNext()).isTrue();
            assertThat(walk(size, 20)).containsExactlyInAnyOrderElementsOf(created);
        }
    }

    @Test
    void theVendorIsAskedOnlyForWhatItDocuments() {
        create(3);
        env.sim.clearRequests();
        walk(2, 2);
        assertThat(env.sim.requests(Operation.LIST)).hasSize(2).allSatisfy(r -> assertThat(r.queryParameters().keySet())
                .as("Tencent's list takes no page size").isSubsetOf("userid", "instanceid", "pos", "cursory"));
    }
}
