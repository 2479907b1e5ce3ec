package dev.convene;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ProviderOptionsTest {
    static final ProviderOption<String> HOST_KEY = new ProviderOption<>("tencentmeeting", "host-key", String.class);
    static final ProviderOption<String> CALENDAR = new ProviderOption<>("wecom", "calendar-id", String.class);

    @Test
    void toStringNamesTheOptionsButShowsNoValue() {
        ProviderOptions options = ProviderOptions.NONE.with(HOST_KEY, "168168").with(CALENDAR, "cal-42");
        assertThat(options.toString()).isEqualTo("ProviderOptions[tencentmeeting.host-key, wecom.calendar-id]");
        assertThat(options.get(HOST_KEY)).contains("168168");
        assertThat(ProviderOptions.NONE.toString()).isEqualTo("ProviderOptions[]");
    }
}
