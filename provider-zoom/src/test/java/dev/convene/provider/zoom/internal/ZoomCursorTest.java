package dev.convene.provider.zoom.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.convene.InvalidSessionException;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The cursor of Zoom listings; paging itself is proven against the simulator in ZoomWebinarListTest. */
class ZoomCursorTest {
    static ZoomWire.Page page(Integer pageCount, String nextPageToken) {
        return new ZoomWire.Page(pageCount, nextPageToken, List.of(), null, null, null);
    }

    @Test
    void aCursorNamesTheNextPageByNumberAndToken() {
        assertThat(ZoomCursor.parse(null)).isEqualTo(ZoomCursor.FIRST);
        assertThat(ZoomCursor.FIRST.next(page(3, "tok:en"))).isEqualTo("2:tok:en");
        assertThat(ZoomCursor.parse("2:tok:en")).isEqualTo(new ZoomCursor(2, "tok:en"));
    }

    @Test
    void theListEndsWithAnEmptyTokenOrAtItsPageCount() {
        assertThat(new ZoomCursor(2, "a").next(page(3, ""))).isNull();
        assertThat(new ZoomCursor(2, "a").next(page(3, null))).isNull();
        // A list that honoured neither the token nor page_number would hand out fresh tokens for ever.
        assertThat(new ZoomCursor(3, "a").next(page(3, "fresh"))).isNull();
        assertThat(new ZoomCursor(3, "a").next(page(null, "fresh"))).isEqualTo("4:fresh");
    }

    @Test
    void aTokenHandedBackGivesTheSameCursorForCoresGuardToStop() {
        assertThat(new ZoomCursor(2, "same").next(page(9, "same"))).isEqualTo("2:same");
    }

    @Test
    void aForeignCursorIsRefusedByName() {
        assertThatThrownBy(() -> ZoomCursor.parse("some-token")).isInstanceOfSatisfying(InvalidSessionException.class,
                e -> assertThat(e.violations()).singleElement().satisfies(v -> assertThat(v.field()).isEqualTo("cursor")));
    }
}
