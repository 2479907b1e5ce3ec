package dev.convene.internal;

import dev.convene.ListQuery;
import dev.convene.Operation;
import dev.convene.Page;
import dev.convene.Session;
import dev.convene.SessionKind;
import dev.convene.spi.VendorClient;
import java.util.List;

/** A list call resolved to one kind and the provider's cursor, and how to turn its page into ours. */
record Listing(List<SessionKind> kinds, int index, ListQuery providerQuery, VendorClient client) {

    /** One page, as {@code list} answers it. */
    VendorCall<Page<Session>> pageCall() {
        SessionKind kind = kinds.get(index);
        return new VendorCall<>(Operation.LIST, kind, () -> client.list(kind, providerQuery).map(this::toPage), null, null);
    }

    /** One page of a walk. */
    VendorCall<Listed> call() {
        SessionKind kind = kinds.get(index);
        return new VendorCall<>(Operation.LIST, kind,
                () -> client.list(kind, providerQuery).map(page -> new Listed(toPage(page), page.items().isEmpty() && page.hasNext())), null, null);
    }

    /**
     * Our page, and whether the provider's page held nothing yet said there was more: a walk counts those in a row,
     * since a vendor that hands out fresh cursors with empty pages would otherwise be walked for ever.
     */
    record Listed(Page<Session> page, boolean emptyWithMore) {
    }

    /**
     * Leaves out, whatever the vendor lists, the statuses not asked for (cancelled sessions by default) and the
     * sessions starting outside {@code from}–{@code to}: no vendor's own time filter is exact (WeCom's is loose,
     * Zoom and Tencent Meeting have none that bounds both ends), so providers pass their pages on unfiltered.
     */
    Page<Session> toPage(Page<Session> page) {
        List<Session> items = page.items().stream()
                .filter(s -> providerQuery.matches(s.status()) && providerQuery.includesStart(s.start())).toList();
        if (page.hasNext()) {
            return new Page<>(items, Cursors.encode(kinds.get(index), page.nextCursor()));
        }
        if (index + 1 < kinds.size()) {
            return new Page<>(items, Cursors.encode(kinds.get(index + 1), null));
        }
        return Page.last(items);
    }
}
