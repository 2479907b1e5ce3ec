package dev.convene.provider.tencentmeeting;

import static org.assertj.core.api.Assertions.assertThat;

import dev.convene.Convene;
import dev.convene.ListQuery;
import dev.convene.SessionKind;
import dev.convene.SessionService;
import dev.convene.simulator.SettableClock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.RecordedRequest;
import org.junit.jupiter.api.Test;

/**
 * Spec §3.4: "items with equal start time may repeat across pages — dedupe by meeting_id; use cursory
 * together with pos". A vendor that does repeat them (recorded answers, not the simulator) still
 * yields every meeting once.
 */
class ListingRepeatsTest {
    static final long POS = 1_893_560_400L;

    static String item(String id, long start) {
        return "{\"subject\":\"m" + id + "\",\"meeting_id\":\"" + id + "\",\"meeting_code\":\"100000001\",\"status\":\"MEETING_STATE_INIT\","
                + "\"type\":0,\"meeting_type\":0,\"join_url\":\"https://meeting.tencent.com/dm/x\",\"start_time\":\"" + start
                + "\",\"end_time\":\"" + (start + 3600) + "\",\"hosts\":[{\"userid\":\"tester\"}],\"participants\":[],"
                + "\"enable_live\":false,\"join_meeting_role\":\"creator\"}";
    }

    static String page(List<String> items, int remaining, long nextPos, long nextCursory) {
        return "{\"meeting_number\":" + items.size() + ",\"remaining\":" + remaining + ",\"next_pos\":" + nextPos
                + ",\"next_cursory\":" + nextCursory + ",\"meeting_info_list\":[" + String.join(",", items) + "]}";
    }

    @Test
    void meetingsRepeatedAtThePageBoundaryAreListedOnce() throws Exception {
        List<String> first = new ArrayList<>();
        for (int i = 1; i <= 18; i++) {
            first.add(item("1000" + i, POS - 3600L * (19 - i)));
        }
        first.add(item("2001", POS));
        first.add(item("2002", POS));
        List<String> second = List.of(item("2001", POS), item("2002", POS), item("3001", POS), item("3002", POS + 60), item("3003", POS + 120));
        try (MockWebServer vendor = new MockWebServer()) {
            vendor.enqueue(new MockResponse().setBody(page(first, 3, POS, 1_893_000_000_123L)));
            vendor.enqueue(new MockResponse().setBody(page(second, 0, POS + 120, 1_893_000_000_456L)));
            Map<String, String> p = Map.of("convene.provider", "tencentmeeting",
                    "convene.tencentmeeting.app-id", "1", "convene.tencentmeeting.secret-id", "AKIDexample",
                    "convene.tencentmeeting.secret-key", "example-secret-key", "convene.tencentmeeting.organizer", "tester",
                    "convene.tencentmeeting.base-url", vendor.url("/").toString());
            List<String> ids;
            try (SessionService service = Convene.builder().properties(p).environment(Map.of()).systemProperties(false)
                    .clock(new SettableClock(Instant.ofEpochSecond(POS - 86_400 * 2))).build()) {
                ids = service.listAll(ListQuery.of(SessionKind.MEETING)).map(s -> s.id().nativeId()).toList();
            }
            assertThat(ids).hasSize(23).doesNotHaveDuplicates().contains("2001", "2002", "3001", "3003");
            vendor.takeRequest();
            RecordedRequest next = vendor.takeRequest();
            assertThat(next.getRequestUrl().queryParameter("pos")).isEqualTo(Long.toString(POS));
            assertThat(next.getRequestUrl().queryParameter("cursory")).isEqualTo("1893000000123");
        }
    }
}
