package dev.convene;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class JoinInfoTest {
    @Test
    void aJoinLinksPasscodeIsMaskedInToStringButKeptInTheLink() {
        // Zoom's join link carries the passcode (pwd=): the link stays whole for attendees, toString masks the value
        JoinInfo zoom = new JoinInfo("https://zoom.us/j/85746065432?pwd=QmFzZTY0UGFzcw.1", "85746065432",
                "https://zoom.us/w/85746065432?tk=x&pwd=QmFzZTY0UGFzcw.1", "https://zoom.us/s/85746065432?zak=secret", null);
        assertThat(zoom.joinUrl()).endsWith("pwd=QmFzZTY0UGFzcw.1");
        assertThat(zoom.toString()).doesNotContain("QmFzZTY0UGFzcw").doesNotContain("zak=secret")
                .contains("j/85746065432?pwd=****").contains("tk=x&pwd=****");
    }
}
