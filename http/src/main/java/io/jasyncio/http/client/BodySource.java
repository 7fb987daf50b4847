package io.jasyncio.http.client;

import java.io.IOException;
import java.nio.ByteBuffer;

/** Where a {@link ResponseContent} pulls raw content from, and whom it tells when it ends. */
interface BodySource {

    /** @return the next raw slice, or {@code null} at the end of the content */
    ByteBuffer next() throws IOException;

    /**
     * Called once when the content ended ({@code clean}) or failed: releases the connection.
     *
     * @param clean whether the whole content was read without error
     */
    void finished(boolean clean);

    /** A body with no content. */
    BodySource EMPTY = new BodySource() {
        @Override
        public ByteBuffer next() {
            return null;
        }

        @Override
        public void finished(boolean clean) {
        }
    };
}
