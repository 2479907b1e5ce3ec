package dev.convene.spi;

import dev.convene.Capabilities;
import java.util.List;
import java.util.Objects;

/**
 * A {@link SessionProvider} whose facts are given to its constructor, so that a provider writes only {@link #open}:
 *
 * <pre>{@code
 * public final class MyProvider extends AbstractSessionProvider {
 *     public static final String ID = "myvendor";
 *
 *     public MyProvider() {
 *         super(SPI_VERSION, ID, "My Vendor", CAPABILITIES, ConfigKeys.required("api-key").optional("base-url"));
 *     }
 *
 *     public VendorClient open(ProviderContext context) { return new MyClient(context); }
 * }
 * }</pre>
 *
 * Pass {@link SessionProvider#SPI_VERSION} from the provider's own code: the constant is compiled into the
 * plugin, which is what core checks.
 */
public abstract class AbstractSessionProvider implements SessionProvider {
    private final int spiVersion;
    private final String id;
    private final String displayName;
    private final Capabilities capabilities;
    private final ConfigKeys keys;

    /** @throws NullPointerException when any part is null */
    protected AbstractSessionProvider(int spiVersion, String id, String displayName, Capabilities capabilities, ConfigKeys keys) {
        this.spiVersion = spiVersion;
        this.id = Objects.requireNonNull(id, "id");
        this.displayName = Objects.requireNonNull(displayName, "displayName");
        this.capabilities = Objects.requireNonNull(capabilities, "capabilities");
        this.keys = Objects.requireNonNull(keys, "keys");
    }

    @Override
    public final String id() {
        return id;
    }

    @Override
    public final String displayName() {
        return displayName;
    }

    @Override
    public final int spiVersion() {
        return spiVersion;
    }

    @Override
    public final Capabilities capabilities() {
        return capabilities;
    }

    @Override
    public final List<String> requiredKeys() {
        return keys.required();
    }

    @Override
    public final List<String> optionalKeys() {
        return keys.optional();
    }

    @Override
    public final List<String> credentialKeys() {
        return keys.credentials();
    }

    @Override
    public final List<String> accountKeys() {
        return keys.accountKeys();
    }
}
