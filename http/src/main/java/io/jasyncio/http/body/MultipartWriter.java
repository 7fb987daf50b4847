package io.jasyncio.http.body;

import io.jasyncio.http.mime.ContentDisposition;
import io.jasyncio.http.mime.MediaType;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Builds a {@code multipart/form-data} body (RFC 7578) from fields and files, as aiohttp's
 * {@code FormData} / {@code MultipartWriter}: add parts, send {@link #contentType()} as the
 * {@code Content-Type}, then pull the body from {@link #body()} chunk by chunk (or use
 * {@link #toByteArray()} for small forms). File content can be a {@code byte[]} or a
 * {@link ChunkSource} that is only read while the body is pulled.
 *
 * {@snippet class=io.jasyncio.http.snippets.CodecSnippets region=multipartWriter}
 *
 * <p>The boundary is 32 random hex digits unless given; it is not searched for in the content
 * (the chance of a clash is 2<sup>-128</sup>). Names and file names are written as quoted strings
 * by {@link ContentDisposition#formData}: {@code "} and {@code \} are escaped with a backslash,
 * CR and LF become {@code %0D} and {@code %0A}, and non-ASCII text is written as UTF-8, as
 * browsers do. Field parts carry no {@code Content-Type} (text/plain in UTF-8 by RFC 7578); file
 * parts carry the given type or {@code application/octet-stream}.
 *
 * <p>Not thread-safe. The body can be produced once if any part is a {@link ChunkSource}, any
 * number of times otherwise. A streamed part that declared its length must produce exactly that
 * many bytes, since the declared lengths may already be in a {@code Content-Length} header.
 */
public final class MultipartWriter {
    private static final byte[] CRLF = {'\r', '\n'};

    private final String boundary;
    private final List<Part> parts = new ArrayList<>();
    private boolean consumed;

    private MultipartWriter(String boundary) {
        this.boundary = boundary;
    }

    /** A writer with a random boundary. */
    public static MultipartWriter formData() {
        return new MultipartWriter(Boundary.random());
    }

    /**
     * A writer with the given boundary.
     *
     * @throws IllegalArgumentException if it is not a valid RFC 2046 boundary
     */
    public static MultipartWriter formData(String boundary) {
        return new MultipartWriter(Boundary.checkStrict(boundary));
    }

    /** The boundary. */
    public String boundary() {
        return boundary;
    }

    /** The {@code Content-Type} to send: {@code multipart/form-data; boundary=...}. */
    public String contentType() {
        return MediaType.of("multipart", "form-data").withParameter("boundary", boundary).toString();
    }

    /** Adds a text field. */
    public MultipartWriter addField(String name, String value) {
        byte[] content = value.getBytes(StandardCharsets.UTF_8);
        parts.add(new Part(name, headerBytes(name, null, null), content, null, content.length));
        return this;
    }

    /** Adds a file whose content is in memory; {@code contentType} may be null. */
    public MultipartWriter addFile(String name, String filename, String contentType, byte[] content) {
        Objects.requireNonNull(filename, "filename");
        parts.add(new Part(name, headerBytes(name, filename, contentType), content.clone(), null, content.length));
        return this;
    }

    /**
     * Adds a file streamed from {@code source} when the body is pulled; {@code length} is its
     * exact size, or -1 if unknown (then {@link #contentLength()} is -1 too).
     */
    public MultipartWriter addFile(String name, String filename, String contentType, ChunkSource source, long length) {
        Objects.requireNonNull(filename, "filename");
        Objects.requireNonNull(source, "source");
        if (length < -1) {
            throw new IllegalArgumentException("length must be -1 (unknown) or at least 0: " + length);
        }
        parts.add(new Part(name, headerBytes(name, filename, contentType), null, source, length));
        return this;
    }

    /** The number of parts added. */
    public int size() {
        return parts.size();
    }

    /** The exact body length in bytes, or -1 if a streamed part's length is unknown. */
    public long contentLength() {
        long total = closeDelimiter().length;
        for (Part p : parts) {
            if (p.length < 0) {
                return -1;
            }
            total += p.header.length + p.length + CRLF.length;
        }
        return total;
    }

    /**
     * The body as a chunk source: for each part its delimiter and headers, its content, CRLF;
     * then the close delimiter.
     *
     * @throws IllegalStateException if the body was already produced and a part is streamed
     */
    public ChunkSource body() {
        if (consumed) {
            throw new IllegalStateException("the body of a multipart writer with streamed parts can be produced once");
        }
        if (parts.stream().anyMatch(p -> p.source != null)) {
            consumed = true;
        }
        List<Part> snapshot = List.copyOf(parts);
        return new ChunkSource() {
            private int index;
            private int step;       // 0: header, 1: content, 2: CRLF
            private long produced;  // bytes of the current streamed part

            @Override
            public ByteBuffer next() throws IOException {
                while (index < snapshot.size()) {
                    Part p = snapshot.get(index);
                    switch (step) {
                        case 0 -> {
                            step = 1;
                            produced = 0;
                            return ByteBuffer.wrap(p.header).asReadOnlyBuffer();
                        }
                        case 1 -> {
                            if (p.content != null) {
                                step = 2;
                                return ByteBuffer.wrap(p.content).asReadOnlyBuffer();
                            }
                            ByteBuffer chunk = p.source.next();
                            if (chunk != null) {
                                produced += chunk.remaining();
                                if (p.length >= 0 && produced > p.length) {
                                    throw lengthMismatch(p, "more than " + p.length);
                                }
                                return chunk;
                            }
                            if (p.length >= 0 && produced != p.length) {
                                throw lengthMismatch(p, String.valueOf(produced));
                            }
                            step = 2;
                        }
                        default -> {
                            step = 0;
                            index++;
                            return ByteBuffer.wrap(CRLF).asReadOnlyBuffer();
                        }
                    }
                }
                if (index == snapshot.size()) {
                    index++;
                    return ByteBuffer.wrap(closeDelimiter());
                }
                return null;
            }
        };
    }

    /** The whole body in memory. */
    public byte[] toByteArray() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        writeTo(out);
        return out.toByteArray();
    }

    /** Writes the whole body to a stream (blocking). */
    public void writeTo(OutputStream out) throws IOException {
        ChunkSource source = body();
        for (ByteBuffer b = source.next(); b != null; b = source.next()) {
            byte[] bytes = new byte[b.remaining()];
            b.get(bytes);
            out.write(bytes);
        }
    }

    private static IOException lengthMismatch(Part p, String produced) {
        return new IOException("streamed part '" + p.name + "' produced " + produced
                + " bytes but declared " + p.length);
    }

    private byte[] headerBytes(String name, String filename, String contentType) {
        Objects.requireNonNull(name, "name");
        StringBuilder sb = new StringBuilder("--").append(boundary).append("\r\n");
        sb.append("Content-Disposition: ").append(ContentDisposition.formData(name, filename)).append("\r\n");
        if (filename != null) {
            String type = contentType == null ? "application/octet-stream" : contentType;
            for (int i = 0; i < type.length(); i++) {
                char c = type.charAt(i);
                if ((c < 0x20 && c != '\t') || c == 0x7f) {
                    throw new IllegalArgumentException("content type contains a control character: '" + type + "'");
                }
            }
            sb.append("Content-Type: ").append(type).append("\r\n");
        }
        sb.append("\r\n");
        return sb.toString().getBytes(StandardCharsets.UTF_8);
    }

    private byte[] closeDelimiter() {
        return ("--" + boundary + "--\r\n").getBytes(StandardCharsets.US_ASCII);
    }

    /** One part: its delimiter and header bytes, and content in memory or streamed. */
    private record Part(String name, byte[] header, byte[] content, ChunkSource source, long length) {}
}
