package dev.convene.simulator.zoom;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.convene.simulator.SimResponse;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A Zoom error answer: HTTP status plus the {@code {"code","message","errors"}} envelope (spec §5.1).
 * Thrown out of request handling and turned into the response in one place.
 */
final class ZoomError extends RuntimeException {
    /** One entry of the {@code errors[]} array of a {@code 300 Validation Failed.} answer. */
    record FieldError(String field, String message) {
    }

    final int status;
    final int code;
    final List<FieldError> errors;
    final Map<String, String> headers;

    ZoomError(int status, int code, String message, List<FieldError> errors, Map<String, String> headers) {
        super(message, null, false, false);
        this.status = status;
        this.code = code;
        this.errors = List.copyOf(errors);
        this.headers = Map.copyOf(headers);
    }

    static ZoomError of(int status, int code, String message) {
        return new ZoomError(status, code, message, List.of(), Map.of());
    }

    /** §10 item 10: validation failures are 400 / 300 "Validation Failed." with the offending fields. */
    static ZoomError validation(List<FieldError> errors) {
        return new ZoomError(400, 300, "Validation Failed.", errors, Map.of());
    }

    static ZoomError invalidField(String field) {
        return validation(List.of(new FieldError(field, "Invalid field.")));
    }

    static ZoomError notJson() {
        return of(400, 300, "Request Body should be a valid JSON object.");
    }

    ZoomError withHeaders(Map<String, String> more) {
        Map<String, String> all = new LinkedHashMap<>(headers);
        all.putAll(more);
        return new ZoomError(status, code, getMessage(), errors, all);
    }

    SimResponse toResponse(ObjectMapper json) {
        ObjectNode body = json.createObjectNode();
        body.put("code", code);
        body.put("message", getMessage());
        if (!errors.isEmpty()) {
            ArrayNode list = body.putArray("errors");
            errors.forEach(e -> list.addObject().put("field", e.field()).put("message", e.message()));
        }
        SimResponse response = SimResponse.json(status, body.toString());
        for (Map.Entry<String, String> h : headers.entrySet()) {
            response = response.withHeader(h.getKey(), h.getValue());
        }
        return response;
    }
}
