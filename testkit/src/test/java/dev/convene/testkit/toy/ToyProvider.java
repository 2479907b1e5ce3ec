package dev.convene.testkit.toy;

import dev.convene.Capabilities;
import dev.convene.Feature;
import dev.convene.Limits;
import dev.convene.Operation;
import dev.convene.SessionKind;
import dev.convene.spi.AbstractSessionProvider;
import dev.convene.spi.ConfigKeys;
import dev.convene.spi.ProviderContext;
import dev.convene.spi.VendorClient;
import java.time.Duration;
import java.util.EnumSet;
import java.util.Set;

/**
 * The reference plugin for the invented "Toy Meetings" vendor: small enough to read in one go, and
 * complete enough to pass the whole contract suite. Setting {@code convene.toy.flaw} (comma-separated) makes it break
 * promises on purpose, which the testkit's own tests use to show the suite catches it.
 */
public final class ToyProvider extends AbstractSessionProvider {
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

    public static final String ID = "toy";

    /** The base URL is required but no credential: an authentication error names only key and secret. */
    public ToyProvider() {
        super(SPI_VERSION, ID, "Toy Meetings (testkit reference)", CAPABILITIES,
                ConfigKeys.required("base-url", "key", "secret").optional("organizer", "flaw").credentials("key", "secret"));
    }

    @Override
    public VendorClient open(ProviderContext context) {
        return new ToyClient(context);
    }
}
