package dev.convene.provider.zoom.internal;

import dev.convene.InvalidSessionException;
import dev.convene.Violation;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Where a Zoom listing goes on: the page's number and the {@code next_page_token} that leads to it,
 * spelt {@code <number>:<token>}. Both go out with each follow-up page (see {@link ZoomClient#list}).
 */
record ZoomCursor(int number, String token) {
    static final ZoomCursor FIRST = new ZoomCursor(1, null);
    private static final Pattern FORM = Pattern.compile("([1-9]\\d{0,8}):(.+)");

    static ZoomCursor parse(String cursor) {
        if (cursor == null) {
            return FIRST;
        }
        Matcher m = FORM.matcher(cursor);
        if (!m.matches()) {
            throw new InvalidSessionException(List.of(new Violation("cursor", "is not a cursor of a Zoom listing")));
        }
        return new ZoomCursor(Integer.parseInt(m.group(1)), m.group(2));
    }

    boolean isFirst() {
        return token == null;
    }

    /** The cursor of the page after {@code page}, or {@code null} when {@code page} was the last. */
    String next(ZoomWire.Page page) {
        String next = page.nextPageToken();
        if (next == null || next.isEmpty() || page.pageCount() != null && number >= page.pageCount()) {
            return null;
        }
        // The token that led here, handed back, leads here again: so does this cursor, which core's
        // repeated-cursor guard stops (a new page number would hide the loop from it).
        return next.equals(token) ? number + ":" + token : (number + 1) + ":" + next;
    }
}
