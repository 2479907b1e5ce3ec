package dev.convene.spring.boot.internal;

import dev.convene.events.EventReceiver;
import dev.convene.events.EventRequest;
import dev.convene.events.EventResult;
import dev.convene.micrometer.EventMetrics;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.util.Enumeration;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestMethod;

/**
 * The vendors' push URL: hands each request, its body bytes untouched, to the {@link EventReceiver}, writes the
 * answer and flushes it, and only then publishes an accepted event to the application: vendors wait a few seconds
 * at most, and an event listener may take longer.
 */
@Controller
public class EventsEndpoint {
    private static final String PATH = "${convene.events.path:/convene/events}";

    private final EventReceiver receiver;
    private final ApplicationEventPublisher publisher;
    private final EventMetrics metrics;

    public EventsEndpoint(EventReceiver receiver, ApplicationEventPublisher publisher, EventMetrics metrics) {
        this.receiver = receiver;
        this.publisher = publisher;
        this.metrics = metrics;
    }

    @RequestMapping(path = {PATH + "/{provider}", PATH + "/{provider}/{tenant}"}, method = {RequestMethod.GET, RequestMethod.POST})
    public void receive(@PathVariable("provider") String provider, @PathVariable(name = "tenant", required = false) String tenant,
                        HttpServletRequest request, HttpServletResponse response) throws IOException {
        EventRequest.Builder b = EventRequest.builder(provider)
                .tenant(tenant)
                .method(request.getMethod())
                .rawQuery(request.getQueryString())
                .body(read(request.getInputStream(), receiver.maxBodyBytes() + 1));
        for (Enumeration<String> names = request.getHeaderNames(); names.hasMoreElements(); ) {
            String name = names.nextElement();
            b.header(name, request.getHeader(name));
        }
        EventResult result = receiver.receive(b.build());
        if (metrics != null) {
            metrics.record(result);
        }
        byte[] body = result.bodyBytes();
        response.setStatus(result.status());
        if (result.contentType() != null) {
            response.setContentType(result.contentType());
        }
        response.setContentLength(body.length);
        response.getOutputStream().write(body);
        response.flushBuffer();
        if (result instanceof EventResult.Accepted accepted) {
            publisher.publishEvent(accepted.event());
        }
    }

    /** At most {@code limit} bytes: one more than the receiver takes is enough for it to refuse the body as too large. */
    private static byte[] read(InputStream in, int limit) throws IOException {
        return in.readNBytes(limit);
    }

    @Override
    public String toString() {
        return "EventsEndpoint[" + receiver + "]";
    }
}
