package io.jasyncio.http.body;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * A {@link MultipartHandler} that keeps every part in memory, for small forms (aiohttp's
 * {@code await request.post()}). A cap on the total content bytes keeps a large upload from
 * exhausting memory; stream big files with your own handler instead.
 *
 * <p>Not thread-safe: use it from the parser's thread, then read {@link #parts()}.
 *
 * <p>For example:
 * {@snippet class=io.jasyncio.http.snippets.CodecSnippets region=multipartParser}
 */
public final class MultipartCollector implements MultipartHandler {
    private final long maxTotalBytes;
    private final List<BufferedPart> parts = new ArrayList<>();
    private PartHeaders current;
    private ByteArrayOutputStream content;
    private long total;
    private boolean completed;

    /** A collector that accepts at most {@code maxTotalBytes} of content over all parts. */
    public MultipartCollector(long maxTotalBytes) {
        this.maxTotalBytes = maxTotalBytes;
    }

    @Override
    public void partStarted(PartHeaders headers) {
        current = headers;
        content = new ByteArrayOutputStream();
    }

    @Override
    public void partData(ByteBuffer data) throws BodyLimitException {
        total += data.remaining();
        if (total > maxTotalBytes) {
            throw new BodyLimitException("multipart content exceeds " + maxTotalBytes + " bytes");
        }
        byte[] bytes = new byte[data.remaining()];
        data.get(bytes);
        content.writeBytes(bytes);
    }

    @Override
    public void partEnded() {
        parts.add(new BufferedPart(current, content.toByteArray()));
        current = null;
        content = null;
    }

    @Override
    public void completed() {
        completed = true;
    }

    /** Whether the close delimiter was seen. */
    public boolean isCompleted() {
        return completed;
    }

    /** The completed parts in body order; unmodifiable. */
    public List<BufferedPart> parts() {
        return Collections.unmodifiableList(parts);
    }
}
