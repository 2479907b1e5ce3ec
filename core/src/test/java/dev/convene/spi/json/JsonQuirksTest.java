package dev.convene.spi.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.squareup.moshi.Json;
import com.squareup.moshi.JsonAdapter;
import com.squareup.moshi.JsonDataException;
import com.squareup.moshi.Moshi;
import java.time.Instant;
import org.junit.jupiter.api.Test;

public class JsonQuirksTest {
    public enum Status { @Json(name = "MEETING_STATE_INIT") INIT, UNKNOWN }

    /** Moshi reads public records only, as provider DTOs are. */
    public record Wire(@NumericString long id, @EpochSeconds Instant start, @EpochSecondsString Instant end,
                @ZeroOneBoolean boolean repeat, Status status) {
    }

    final Moshi moshi = JsonQuirks.moshi().build();
    final JsonAdapter<Wire> adapter = moshi.adapter(Wire.class);

    @Test
    void writesEachQuirkAsTheVendorExpects() {
        Wire w = new Wire(9007199254740993L, Instant.ofEpochSecond(1700003600), Instant.ofEpochSecond(1700007200), true, Status.INIT);
        assertThat(adapter.toJson(w)).isEqualTo(
                "{\"id\":\"9007199254740993\",\"start\":1700003600,\"end\":\"1700007200\",\"repeat\":1,\"status\":\"MEETING_STATE_INIT\"}");
    }

    @Test
    void readsBothSpellingsAndFallsBackOnUnknownEnumValues() throws Exception {
        Wire w = adapter.fromJson("{\"id\":42,\"start\":\"1700003600\",\"end\":1700007200,\"repeat\":false,\"status\":\"MEETING_STATE_NEW\"}");
        assertThat(w).isEqualTo(new Wire(42, Instant.ofEpochSecond(1700003600), Instant.ofEpochSecond(1700007200), false, Status.UNKNOWN));
    }

    @Test
    void rejectsValuesThatAreNotWhatTheyClaim() {
        assertThatThrownBy(() -> adapter.fromJson("{\"id\":\"12a\"}")).isInstanceOf(JsonDataException.class).hasMessageContaining("12a");
        assertThatThrownBy(() -> adapter.fromJson("{\"id\":1,\"repeat\":2}")).isInstanceOf(JsonDataException.class);
    }
}
