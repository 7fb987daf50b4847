package io.jasyncio.http.body;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/** Records parser events as comparable parts; checks the event order and slice properties. */
final class RecordingHandler implements MultipartHandler {
    /** One recorded part: its headers and content. */
    record Recorded(PartHeaders headers, byte[] content) {
        String text() {
            return new String(content, java.nio.charset.StandardCharsets.UTF_8);
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Recorded r && headers.headers().equals(r.headers.headers())
                    && java.util.Arrays.equals(content, r.content);
        }

        @Override
        public int hashCode() {
            return Objects.hash(headers.headers(), java.util.Arrays.hashCode(content));
        }

        @Override
        public String toString() {
            return headers + " " + text();
        }
    }

    final List<Recorded> parts = new ArrayList<>();
    int largestSlice;
    boolean allSlicesReadOnly = true;
    boolean completed;
    private PartHeaders current;
    private ByteArrayOutputStream content;

    @Override
    public void partStarted(PartHeaders headers) {
        if (current != null) {
            throw new AssertionError("partStarted inside a part");
        }
        current = headers;
        content = new ByteArrayOutputStream();
    }

    @Override
    public void partData(ByteBuffer data) {
        if (current == null) {
            throw new AssertionError("partData outside a part");
        }
        largestSlice = Math.max(largestSlice, data.remaining());
        allSlicesReadOnly &= data.isReadOnly();
        byte[] b = new byte[data.remaining()];
        data.get(b);
        content.writeBytes(b);
    }

    @Override
    public void partEnded() {
        parts.add(new Recorded(current, content.toByteArray()));
        current = null;
    }

    @Override
    public void completed() {
        completed = true;
    }
}
