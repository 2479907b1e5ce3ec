package dev.convene.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.convene.ConfigurationException;
import dev.convene.events.EventResult.Reason;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Configuration, routing by provider and the de-duplication store's part. */
class EventReceiverTest {

    private static EventReceiver.Builder builder(Map<String, String> properties, Map<String, String> env) {
        return EventReceiver.builder().properties(properties).environment(env).systemProperties(false).clock(Pushes.at(ZoomEventsTest.TS));
    }

    @Test
    void onlyProvidersWithEventKeysReceive() {
        EventReceiver zoomOnly = builder(Map.of("convene.zoom.webhook-secret-token", Pushes.ZOOM_SECRET), Map.of()).build();
        assertThat(zoomOnly.providers()).containsExactly("zoom");
        EventResult r = zoomOnly.receive(Pushes.wecomPost("x", 1L));
        WeComEventsTest.assertRejected(r, Reason.UNKNOWN_PROVIDER);
        assertThat(((EventResult.Rejected) r).message()).contains("'wecom'").contains("configured: zoom");
        assertThat(Pushes.receiver(Pushes.at(1)).providers()).containsExactlyInAnyOrder("wecom", "tencentmeeting", "zoom");
    }

    @Test
    void environmentVariablesOverrideProperties() {
        EventReceiver r = builder(Map.of("convene.zoom.webhook-secret-token", "wrong"),
                Map.of("CONVENE_ZOOM_WEBHOOK_SECRET_TOKEN", Pushes.ZOOM_SECRET, "CONVENE_EVENTS_MAX_BODY_BYTES", "4096")).build();
        assertThat(r.receive(Pushes.zoomPost(ZoomEventsTest.STARTED, ZoomEventsTest.TS))).isInstanceOf(EventResult.Accepted.class);
        assertThat(r.maxBodyBytes()).isEqualTo(4096);
    }

    @Test
    void aPropertiesFileIsRead(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("events.properties");
        Files.writeString(file, "convene.zoom.webhook-secret-token=" + Pushes.ZOOM_SECRET + "\n");
        EventReceiver r = EventReceiver.builder().propertiesFile(file).environment(Map.of()).systemProperties(false)
                .clock(Pushes.at(ZoomEventsTest.TS)).build();
        assertThat(r.receive(Pushes.zoomPost(ZoomEventsTest.STARTED, ZoomEventsTest.TS))).isInstanceOf(EventResult.Accepted.class);
    }

    @Test
    void incompleteOrWrongConfigurationNamesTheKeyAndTheRule() {
        assertThatThrownBy(() -> builder(Map.of(), Map.of()).build()).isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("no provider is configured to receive events").hasMessageContaining("convene.zoom.webhook-secret-token");
        assertThatThrownBy(() -> builder(Map.of("convene.wecom.callback-token", "t"), Map.of()).build())
                .isInstanceOf(ConfigurationException.class).hasMessageContaining("convene.wecom.callback-aes-key");
        assertThatThrownBy(() -> builder(Map.of("convene.wecom.callback-token", "t", "convene.wecom.callback-aes-key", Pushes.WECOM_AES), Map.of()).build())
                .isInstanceOf(ConfigurationException.class).hasMessageContaining("convene.wecom.corp-id");
        assertThatThrownBy(() -> builder(Map.of("convene.tencentmeeting.event-aes-key", Pushes.TENCENT_AES), Map.of()).build())
                .isInstanceOf(ConfigurationException.class).hasMessageContaining("convene.tencentmeeting.event-token");
        assertThatThrownBy(() -> builder(Pushes.config("convene.wecom.callback-aes-key", "tooShort"), Map.of()).build())
                .isInstanceOf(ConfigurationException.class).hasMessageContaining("convene.wecom.callback-aes-key")
                .hasMessageContaining("43-character").hasMessageNotContaining("tooShort");
        assertThatThrownBy(() -> builder(Pushes.config("convene.events.max-skew", "-PT1M"), Map.of()).build())
                .isInstanceOf(ConfigurationException.class).hasMessageContaining("convene.events.max-skew");
        assertThatThrownBy(() -> builder(Pushes.config("convene.events.max-skew", "PT3H"), Map.of()).build())
                .isInstanceOf(ConfigurationException.class).hasMessageContaining("convene.events.dedup-retention");
        assertThatThrownBy(() -> builder(Pushes.config("convene.events.max-body-bytes", "lots"), Map.of()).build())
                .isInstanceOf(ConfigurationException.class).hasMessageContaining("convene.events.max-body-bytes");
        assertThatThrownBy(() -> builder(Pushes.config("convene.events.dedup", "memcached"), Map.of()).build())
                .isInstanceOf(ConfigurationException.class).hasMessageContaining("memcached").hasMessageContaining("available: memory");
    }

    @Test
    void aFailingDeduplicatorMakesTheVendorSendAgain() {
        AtomicInteger calls = new AtomicInteger();
        Deduplicator broken = key -> {
            calls.incrementAndGet();
            throw new IllegalStateException("store down");
        };
        EventReceiver r = builder(Pushes.config(), Map.of()).deduplicator(broken).build();
        EventResult result = r.receive(Pushes.zoomPost(ZoomEventsTest.STARTED, ZoomEventsTest.TS));
        WeComEventsTest.assertRejected(result, Reason.UNAVAILABLE);
        assertThat(result.status()).isEqualTo(503);
        // challenges do not need the store
        assertThat(r.receive(Pushes.zoomPost(ZoomEventsTest.VALIDATION, ZoomEventsTest.TS))).isInstanceOf(EventResult.Challenge.class);
        assertThat(calls).hasValue(1);
    }

    @Test
    void aGivenDeduplicatorIsSharedAndLeftOpen() {
        AtomicInteger closed = new AtomicInteger();
        Deduplicator shared = new Deduplicator() {
            private final Deduplicator inner = Deduplicator.inMemory(java.time.Duration.ofHours(2), 100, Pushes.at(0));

            @Override
            public boolean firstSeen(String key) {
                return inner.firstSeen(key);
            }

            @Override
            public void close() {
                closed.incrementAndGet();
            }
        };
        EventReceiver one = builder(Pushes.config(), Map.of()).deduplicator(shared).build();
        EventReceiver two = builder(Pushes.config(), Map.of()).deduplicator(shared).build();
        assertThat(one.receive(Pushes.zoomPost(ZoomEventsTest.STARTED, ZoomEventsTest.TS))).isInstanceOf(EventResult.Accepted.class);
        assertThat(two.receive(Pushes.zoomPost(ZoomEventsTest.STARTED, ZoomEventsTest.TS))).isInstanceOf(EventResult.Duplicate.class);
        one.close();
        two.close();
        assertThat(closed).hasValue(0);
    }

    @Test
    void queriesAreDecodedWithoutTurningPlusIntoSpace() {
        EventRequest r = EventRequest.builder(" WeCom ").method("get").rawQuery("a=x%2By+z&b=%E5%91%A8&&c&a=second").header("X-Thing", "1").build();
        assertThat(r.provider()).isEqualTo("wecom");
        assertThat(r.method()).isEqualTo("GET");
        assertThat(r.query("a")).isEqualTo("x+y+z");
        assertThat(r.query("b")).isEqualTo("周");
        assertThat(r.query("c")).isEmpty();
        assertThat(r.header("x-thing")).isEqualTo("1");
        assertThat(r.header("X-THING")).isEqualTo("1");
        WeComEventsTest.assertRejected(Pushes.receiver(Pushes.at(1)).receive(EventRequest.builder("wecom").rawQuery("a=%E5%9").build()),
                Reason.MALFORMED);
    }
}
