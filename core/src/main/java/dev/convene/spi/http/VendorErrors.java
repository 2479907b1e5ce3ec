package dev.convene.spi.http;

import dev.convene.VendorException;
import okhttp3.Headers;

/** Turns a vendor's error answers into Convene's exceptions; one per provider. */
public interface VendorErrors {

    /** The exception for an answer whose HTTP status is not 2xx. */
    VendorException fromHttpError(int status, Headers headers, String body);

    /** The error a 2xx answer carries in its decoded body (WeCom's {@code errcode}), or {@code null} for a real success. */
    default VendorException fromBody(int status, Headers headers, Object body) {
        return null;
    }
}
