package dev.convene.spi.token;

import java.io.IOException;

/** Asks the vendor for a new token. Vendor refusals are thrown as {@link dev.convene.VendorException}s. */
@FunctionalInterface
public interface TokenFetcher {
    AccessToken fetch() throws IOException;
}
