package dev.convene.spi.http;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks an endpoint that is sent without the provider's token: the one a token is had from (WeCom's
 * {@code gettoken}, an OAuth token URL). {@link TokenInterceptor} passes its requests through untouched, so the
 * token endpoint lives in the same interface, bound once, as every other endpoint.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface NoToken {
}
