package dev.convene.spi;

import java.io.IOException;

/** The vendor answered, but the answer could not be read (not JSON, cut short, wrong types, missing fields). */
public class MalformedResponseException extends IOException {
    public MalformedResponseException(String message, Throwable cause) {
        super(message, cause);
    }
}
