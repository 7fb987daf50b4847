package io.jasyncio.internal.net;

import io.jasyncio.Asyncio;
import io.jasyncio.Future;
import java.io.IOException;

/** Awaiting futures from networking code whose signatures throw only {@link IOException}. */
public final class Awaits {

    private Awaits() {
    }

    /**
     * Suspends the current task until {@code f} is done.
     *
     * @param f a future of the running loop
     * @param <T> its result type
     * @return its result
     * @throws IOException its exception if an IOException; unchecked ones (and
     *     {@link io.jasyncio.CancelledError}) unchanged; any other checked one wrapped
     */
    public static <T> T await(Future<T> f) throws IOException {
        try {
            return Asyncio.await(f);
        } catch (IOException | RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IOException(e.getMessage(), e);
        }
    }

    /**
     * Rethrows an exception recorded by a stream or transport in a form {@code IOException}
     * methods can throw: unchanged if an IOException or unchecked, wrapped otherwise.
     *
     * @param t the recorded exception
     * @return never returns normally; declared so that callers can write {@code throw rethrow(t)}
     * @throws IOException {@code t} or its wrapper
     */
    public static IOException rethrow(Throwable t) throws IOException {
        if (t instanceof IOException io) {
            throw io;
        }
        if (t instanceof RuntimeException r) {
            throw r;
        }
        if (t instanceof Error e) {
            throw e;
        }
        throw new IOException(t.getMessage(), t);
    }
}
