package dev.convene.provider.zoom;

import static org.assertj.core.api.Assertions.assertThat;

import dev.convene.simulator.RecordedRequest;
import dev.convene.simulator.zoom.ZoomSimulator;
import dev.convene.testkit.SessionProviderContract;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The whole contract again with {@code convene.zoom.sub-account-id}: every call under {@code /accounts/{id}/} (spec §3.7). */
class ZoomSubAccountContractTest extends SessionProviderContract {
    @Override
    protected String providerId() {
        return "zoom";
    }

    @Override
    protected List<String> knownUsers() {
        return List.of(ZoomSimulator.SUB_ACCOUNT_HOST_EMAIL, "interpreter@example.com", ZoomSimulator.SEED_HOST_EMAIL);
    }

    @Override
    protected Map<String, String> extraProperties() {
        return Map.of("convene.zoom.sub-account-id", ZoomSimulator.SEED_ACCOUNT_ID,
                "convene.zoom.organizer", ZoomSimulator.SEED_HOST_EMAIL);
    }

    @Test
    void everyApiCallWentThroughTheSubAccountMirror() {
        service.list(dev.convene.ListQuery.of(dev.convene.SessionKind.MEETING));
        List<RecordedRequest> api = simulator.requests().stream().filter(r -> r.rawPath().startsWith("/v2/")).toList();
        assertThat(api).isNotEmpty();
        assertThat(api).allSatisfy(r -> assertThat(r.rawPath()).startsWith("/v2/accounts/" + ZoomSimulator.SEED_ACCOUNT_ID + "/"));
    }
}
