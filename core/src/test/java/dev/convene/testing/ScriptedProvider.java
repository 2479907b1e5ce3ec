package dev.convene.testing;

import dev.convene.Capabilities;
import dev.convene.Feature;
import dev.convene.Limits;
import dev.convene.Operation;
import dev.convene.SessionKind;
import dev.convene.spi.ProviderContext;
import dev.convene.spi.SessionProvider;
import dev.convene.spi.VendorClient;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/** A provider whose vendor answers are scripted by the test; found through META-INF/services like a real one. */
public final class ScriptedProvider implements SessionProvider {
    static final Map<String, ScriptedVendor> VENDORS = new ConcurrentHashMap<>();

    public static final Capabilities CAPABILITIES = Capabilities.builder()
            .kind(SessionKind.MEETING, EnumSet.allOf(Operation.class),
                    Set.of(Feature.DESCRIPTION, Feature.PASSWORD, Feature.RECURRENCE, Feature.HOSTS, Feature.INVITEES,
                            Feature.KEEPS_CANCELLED, Feature.LISTS_CANCELLED),
                    Limits.builder().maxTitleLength(40).maxDescriptionLength(2000).duration(Duration.ofMinutes(5), Duration.ofHours(24)).maxHosts(2)
                            .maxInvitees(3).password("\\d{4,6}", "4 to 6 digits").maxOccurrences(10).build())
            .kind(SessionKind.WEBINAR, EnumSet.of(Operation.CREATE, Operation.GET, Operation.CANCEL, Operation.LIST), Set.of(),
                    Limits.builder().maxTitleLength(200).maxDescriptionLength(2000).duration(Duration.ofMinutes(1), Duration.ofHours(24))
                            .maxHosts(10).maxInvitees(300).maxOccurrences(50).build())
            .build();

    /** Registers a vendor the next service configured with {@code convene.scripted.name=name} will use. */
    public static ScriptedVendor register(String name) {
        ScriptedVendor vendor = new ScriptedVendor();
        VENDORS.put(name, vendor);
        return vendor;
    }

    /** A builder for a service on the vendor registered as {@code name}, with no environment or system properties. */
    public static dev.convene.Convene.Builder builder(String name) {
        return dev.convene.Convene.builder()
                .properties(Map.of("convene.provider", "scripted", "convene.scripted.name", name, "convene.scripted.secret", "s3cr3t-value"))
                .environment(Map.of()).systemProperties(false);
    }

    @Override
    public String id() {
        return "scripted";
    }

    @Override
    public String displayName() {
        return "Scripted test vendor";
    }

    @Override
    public int spiVersion() {
        return SPI_VERSION;
    }

    @Override
    public Capabilities capabilities() {
        return CAPABILITIES;
    }

    @Override
    public List<String> requiredKeys() {
        return List.of("name", "secret");
    }

    @Override
    public VendorClient open(ProviderContext context) {
        ScriptedVendor vendor = VENDORS.get(context.config().require("name"));
        vendor.context = context;
        return vendor;
    }
}
