package dev.convene.spi;

/**
 * Core's retry policy for a read a provider makes inside one of its calls, e.g. each of the gets that follow a
 * WeCom list page of ids: retried on its own when it fails with a retryable vendor error or an unreadable answer,
 * waiting as core waits ({@link dev.convene.RetryPolicy}, {@code retryWait}), so that one failed item does not
 * fail (and repeat) the whole page. Only for reads: never wrap a write.
 */
public interface ReadRetries {
    /** No retries: the read as it is. */
    ReadRetries NONE = new ReadRetries() {
        @Override
        public <T> Exchange<T> retried(Exchange<T> read) {
            return read;
        }
    };

    /** {@code read}, retried under core's policy when it fails with what a retry may cure. */
    <T> Exchange<T> retried(Exchange<T> read);
}
