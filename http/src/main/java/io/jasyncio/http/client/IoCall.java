package io.jasyncio.http.client;

import java.io.IOException;

/** A step of I/O that may suspend and fail with an {@link IOException}. */
@FunctionalInterface
interface IoCall<T> {

    /** @return its result @throws IOException if the I/O failed */
    T call() throws IOException;
}
