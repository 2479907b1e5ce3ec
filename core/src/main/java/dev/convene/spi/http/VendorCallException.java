package dev.convene.spi.http;

import dev.convene.ConveneException;
import java.io.IOException;

/**
 * Carries a {@link ConveneException} out of an OkHttp interceptor (which may only throw
 * {@link IOException}s); {@link dev.convene.spi.Exchange}s built by {@link ProviderHttp} unwrap it.
 * Thrown before the request was sent, e.g. when no token could be had.
 */
public final class VendorCallException extends IOException {
    private final ConveneException error;

    public VendorCallException(ConveneException error) {
        super(error.getMessage(), error);
        this.error = error;
    }

    public ConveneException error() {
        return error;
    }
}
