package dev.convene;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.convene.testing.ScriptedProvider;
import dev.convene.testing.ScriptedVendor;
import java.util.UUID;
import java.util.concurrent.CompletionException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * A vendor that keeps handing out fresh cursors with empty pages would be walked for ever, since no cursor repeats
 * (issue 14, item 6): a walk ends after 1,000 such pages in a row with a typed error. The timeout only keeps the old
 * code, which walked on for ever, from hanging the build.
 */
@Timeout(120)
class EndlessListingTest {
    final String name = UUID.randomUUID().toString();
    final ScriptedVendor vendor = ScriptedProvider.register(name).freshEmptyPages();
    final SessionService service = ScriptedProvider.builder(name).build();

    @Test
    void freshCursorsWithEmptyPagesEndTheWalkWithATypedError() {
        assertThatThrownBy(() -> service.listAll(ListQuery.of(SessionKind.MEETING)).toList())
                .isInstanceOf(VendorUnavailableException.class).hasMessageContaining("keeps answering empty pages");
        assertThat(vendor.attempts(Operation.LIST)).isEqualTo(1001);
        assertThatThrownBy(() -> service.findCreated(SessionDraft.builder(SessionKind.MEETING).title("a")
                .start(java.time.Instant.parse("2030-01-01T10:00:00Z")).build())).isInstanceOf(VendorUnavailableException.class);
        assertThatThrownBy(() -> service.listAllAsync(ListQuery.of(SessionKind.MEETING)).join()).isInstanceOf(CompletionException.class)
                .hasCauseInstanceOf(VendorUnavailableException.class);
    }
}
