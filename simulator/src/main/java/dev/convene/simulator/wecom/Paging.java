package dev.convene.simulator.wecom;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/**
 * Cursor paging of the two id-list endpoints (spec §2.5, §4.5): {@code limit} defaults to and may not
 * exceed 100; {@code cursor} is the previous {@code next_cursor} ("0" or absent on the first call);
 * the last page carries an empty {@code next_cursor}. Cursors here are offsets written as digits.
 */
final class Paging {
    private Paging() {
    }

    static ObjectNode page(JsonBody body, List<String> ids, String listField) {
        long limit = body.uint32("limit").orElse(100);
        if (limit < 1 || limit > 100) {
            throw body.invalid("limit", "must be 1..100");
        }
        String cursor = body.string("cursor").orElse("");
        int from;
        if (cursor.isEmpty()) {
            from = 0;
        } else if (cursor.matches("[0-9]{1,9}") && Integer.parseInt(cursor) <= ids.size()) {
            from = Integer.parseInt(cursor);
        } else {
            throw body.invalid("cursor", "unknown cursor");
        }
        int to = (int) Math.min(ids.size(), from + limit);
        ObjectNode out = JsonBody.JSON.createObjectNode();
        out.put("next_cursor", to < ids.size() ? Integer.toString(to) : "");
        ArrayNode list = out.putArray(listField);
        ids.subList(from, to).forEach(list::add);
        return out;
    }
}
