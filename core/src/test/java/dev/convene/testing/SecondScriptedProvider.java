package dev.convene.testing;

import dev.convene.Capabilities;
import dev.convene.spi.ProviderContext;
import dev.convene.spi.SessionProvider;
import dev.convene.spi.VendorClient;
import java.util.List;

/** A second provider answering from the same scripts, for tests about what several providers share; found only through a test's class loader. */
public final class SecondScriptedProvider implements SessionProvider {
    public static final String ID = "second";

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String displayName() {
        return "Second scripted test vendor";
    }

    @Override
    public int spiVersion() {
        return SPI_VERSION;
    }

    @Override
    public Capabilities capabilities() {
        return ScriptedProvider.CAPABILITIES;
    }

    @Override
    public List<String> requiredKeys() {
        return List.of("name");
    }

    @Override
    public VendorClient open(ProviderContext context) {
        ScriptedVendor vendor = ScriptedProvider.VENDORS.get(context.config().require("name"));
        vendor.context = context;
        return vendor;
    }
}
