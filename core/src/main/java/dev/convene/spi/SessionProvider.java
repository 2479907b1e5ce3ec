package dev.convene.spi;

import dev.convene.Capabilities;
import java.util.List;

/**
 * A vendor plugin, found with {@link java.util.ServiceLoader}: list the implementing class in
 * {@code META-INF/services/dev.convene.spi.SessionProvider}. It needs a public no-argument
 * constructor and must be cheap to construct: discovery builds every provider on the class path,
 * and only the one selected is {@linkplain #open opened}.
 */
public interface SessionProvider {

    /** The SPI version this core speaks. A provider returns the constant it was compiled against. */
    int SPI_VERSION = 1;

    /** Lower-case id used in configuration and session ids, e.g. {@code wecom}. */
    String id();

    /** A name for people, e.g. {@code WeCom (企业微信)}. */
    String displayName();

    /** Implement as {@code return SPI_VERSION;} so the value compiled into the plugin is what core checks. */
    int spiVersion();

    /** What the provider can do; must tell the truth (the testkit checks every claim). */
    Capabilities capabilities();

    /** The keys under {@code convene.<id>.} that must be set, e.g. {@code corp-id}; core names every missing one at once. */
    List<String> requiredKeys();

    /** Keys under {@code convene.<id>.} that may be set, with their defaults applied when absent (for docs, the CLI and env overrides). */
    default List<String> optionalKeys() {
        return List.of();
    }

    /**
     * The keys under {@code convene.<id>.} that hold the credentials, e.g. {@code client-id} and
     * {@code client-secret}: an {@link dev.convene.AuthenticationException} names them (never their values)
     * so that the user knows what to check. Default: {@link #requiredKeys()}.
     */
    default List<String> credentialKeys() {
        return requiredKeys();
    }

    /**
     * The vendor's documented call limits for one account (from its docs), which Convene paces calls under
     * unless {@code convene.<id>.rate-limits} says otherwise. Default: none.
     */
    default List<dev.convene.spi.RateLimit> rateLimits() {
        return List.of();
    }

    /**
     * The keys under {@code convene.<id>.} whose values name the vendor account the {@link #rateLimits()} apply
     * to (WeCom's corp, Tencent's app, Zoom's account): every service configured for the same account, in any
     * instance or tenant, shares one budget. Default: {@link #credentialKeys()}.
     */
    default List<String> accountKeys() {
        return credentialKeys();
    }

    /** Connects to the vendor with the given context. Called once per {@link dev.convene.SessionService}. */
    VendorClient open(ProviderContext context);
}
