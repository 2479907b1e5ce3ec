package dev.convene;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TextLimitTest {
    @Test
    void eitherLimitAcceptsTextWithinOneOfThem() {
        TextLimit weComTitle = TextLimit.either(20, 40);
        assertThat(weComTitle.allows("T".repeat(40))).as("40 bytes").isTrue();
        assertThat(weComTitle.allows("会".repeat(20))).as("20 characters, 60 bytes").isTrue();
        assertThat(weComTitle.allows("T".repeat(41))).isFalse();
        assertThat(weComTitle.violations("title", "会".repeat(21))).singleElement()
                .hasToString("title must be at most 20 characters or 40 bytes in UTF-8, was 21 characters and 63 bytes");
    }

    @Test
    void bothLimitsAreReportedAtOnceWhenBothAreBroken() {
        TextLimit theme = TextLimit.both(20, 60);
        assertThat(theme.violations("title", "会".repeat(21))).extracting(Violation::rule)
                .containsExactly("must be at most 20 characters, was 21", "must be at most 60 bytes in UTF-8, was 63");
        assertThat(theme.violations("title", "😀".repeat(16))).extracting(Violation::rule)
                .containsExactly("must be at most 60 bytes in UTF-8, was 64");
        assertThat(theme.allows("会".repeat(20))).isTrue();
    }

    @Test
    void byteLimitBindsChineseText() {
        TextLimit subject = TextLimit.bytes(512);
        assertThat(subject.allows("T".repeat(512))).isTrue();
        assertThat(subject.allows("会".repeat(170))).isTrue();
        assertThat(subject.violations("title", "会".repeat(171))).singleElement().hasToString("title must be at most 512 bytes in UTF-8, was 513");
        assertThat(subject).hasToString("at most 512 bytes in UTF-8");
        assertThat(TextLimit.characters(200)).hasToString("at most 200 characters");
        assertThat(TextLimit.both(100, 300)).hasToString("at most 100 characters and at most 300 bytes in UTF-8");
    }
}
