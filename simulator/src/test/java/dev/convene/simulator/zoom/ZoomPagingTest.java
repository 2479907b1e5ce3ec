package dev.convene.simulator.zoom;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.convene.simulator.SettableClock;
import dev.convene.simulator.SimulatorOptions;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Spec §3.5, §4.5 and §10 item 14: next_page_token paging. */
class ZoomPagingTest {
    final SettableClock clock = new SettableClock(Instant.parse("2030-01-01T00:00:00Z"));
    ZoomSimulator sim = new ZoomSimulator(SimulatorOptions.defaults().withClock(clock));
    ZoomHttp http = new ZoomHttp(sim).authenticated();

    @AfterEach
    void stop() {
        sim.close();
    }

    void meetings(int n) {
        for (int i = 0; i < n; i++) {
            http.create("/users/me/meetings", "{\"topic\":\"M" + i + "\",\"start_time\":\"2030-02-0" + (i % 9 + 1) + "T10:00:00Z\"}");
        }
    }

    @Test
    void pagesFollowTheTokenUntilItIsEmpty() {
        meetings(7);
        List<String> topics = new ArrayList<>();
        String token = "";
        int pages = 0;
        do {
            JsonNode page = http.get("/users/me/meetings?page_size=3" + (token.isEmpty() ? "" : "&next_page_token=" + token)).json();
            assertThat(page.get("total_records").asInt()).isEqualTo(7);
            assertThat(page.get("page_count").asInt()).isEqualTo(3);
            assertThat(page.get("page_size").asInt()).isEqualTo(3);
            page.get("meetings").forEach(m -> topics.add(m.get("topic").asText()));
            token = page.get("next_page_token").asText();
            pages++;
        } while (!token.isEmpty());
        assertThat(pages).isEqualTo(3);
        assertThat(topics).containsExactly("M0", "M1", "M2", "M3", "M4", "M5", "M6");
    }

    @Test
    void tokensExpireAfterFifteenMinutesAndNeedTheSamePageSize() {
        meetings(4);
        String token = http.get("/users/me/meetings?page_size=2").json().get("next_page_token").asText();
        assertThat(http.get("/users/me/meetings?page_size=3&next_page_token=" + token).code()).isEqualTo(300);
        assertThat(http.get("/users/me/meetings?page_size=2&next_page_token=" + token).status()).isEqualTo(200);
        clock.advance(Duration.ofMinutes(15));
        assertThat(http.get("/users/me/meetings?page_size=2&next_page_token=" + token).code()).isEqualTo(300);
    }

    @Test
    void pageSizeIsAtMost300() {
        assertThat(http.get("/users/me/meetings?page_size=300").status()).isEqualTo(200);
        assertThat(http.get("/users/me/meetings?page_size=301").code()).isEqualTo(300);
        assertThat(http.get("/users/me/meetings").json().get("page_size").asInt()).isEqualTo(30);
    }

    @Test
    void theWebinarListCanBeToldToIgnoreTheToken() {
        // §3.5: next_page_token is not a documented input of the webinar list (UNCONFIRMED).
        sim.close();
        sim = new ZoomSimulator(SimulatorOptions.defaults().withClock(clock).with("webinar-list-next-page-token", "ignored"));
        http = new ZoomHttp(sim).authenticated();
        for (int i = 0; i < 3; i++) {
            http.create("/users/me/webinars", "{\"topic\":\"W" + i + "\",\"start_time\":\"2030-02-0" + (i + 1) + "T10:00:00Z\"}");
        }
        String token = http.get("/users/me/webinars?page_size=2").json().get("next_page_token").asText();
        assertThat(http.get("/users/me/webinars?page_size=2&next_page_token=" + token).json().get("webinars").get(0).get("topic").asText()).isEqualTo("W0");
        assertThat(http.get("/users/me/webinars?page_size=2&page_number=2").json().get("webinars").get(0).get("topic").asText()).isEqualTo("W2");
    }
}
