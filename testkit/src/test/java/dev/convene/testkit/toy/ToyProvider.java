package dev.convene.testkit.toy;

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
import java.util.Set;

/**
 * The reference plugin for the invented "Toy Meetings" vendor: small enough to read in one go, and
 * complete enough to pass the whole contract suite. Setting {@code convene.toy.flaw} (comma-separated) makes it break
 * promises on purpose, which the testkit's own tests use to show the suite catches it.
 */
public final class ToyProvider implements SessionProvider {
    static final Capabilities CAPABILITIES = Capabilities.builder()
            .kind(SessionKind.MEETING, EnumSet.allOf(Operation.class),
                    Set.of(Feature.DESCRIPTION, Feature.PASSWORD, Feature.RECURRENCE, Feature.TIME_ZONE, Feature.KEEPS_CANCELLED,
                            Feature.LISTS_CANCELLED),
                    Limits.builder().maxTitleLength(80).maxDescriptionLength(2000).duration(Duration.ofMinutes(1), Duration.ofHours(12))
                            .maxHosts(10).maxInvitees(300).password("\\d{4,8}", "4 to 8 digits").maxOccurrences(30).build())
            .kind(SessionKind.WEBINAR, EnumSet.of(Operation.CREATE, Operation.GET, Operation.CANCEL), Set.of(),
                    Limits.builder().maxTitleLength(80).maxDescriptionLength(2000).duration(Duration.ofMinutes(1), Duration.ofHours(12))
                            .maxHosts(10).maxInvitees(300).maxOccurrences(50).build())
            .build();

    @Override
    public String id() {
        return "toy";
    }

    @Override
    public String displayName() {
        return "Toy Meetings (testkit reference)";
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
        return List.of("base-url", "key", "secret");
    }

    /** The base URL is required but no credential: an authentication error names only key and secret. */
    @Override
    public List<String> credentialKeys() {
        return List.of("key", "secret");
    }

    @Override
    public List<String> optionalKeys() {
        return List.of("organizer", "flaw");
    }

    @Override
    public VendorClient open(ProviderContext context) {
        return new ToyClient(context);
    }
}
