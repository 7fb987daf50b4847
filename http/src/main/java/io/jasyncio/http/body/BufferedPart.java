package io.jasyncio.http.body;

import io.jasyncio.http.mime.MediaType;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;

/**
 * One part of a multipart body held in memory, as collected by {@link MultipartCollector}: its
 * headers and its content.
 *
 * <p>Immutable and thread-safe: {@link #content()} returns a copy.
 *
 * <p>For example:
 * {@snippet class=io.jasyncio.http.snippets.CodecSnippets region=multipartParser}
 */
public final class BufferedPart {
    private final PartHeaders headers;
    private final byte[] content;

    BufferedPart(PartHeaders headers, byte[] content) {
        this.headers = headers;
        this.content = content;
    }

    /** The part's headers, with its form field name and file name. */
    public PartHeaders headers() {
        return headers;
    }

    /** A copy of the content. */
    public byte[] content() {
        return content.clone();
    }

    /** The content length in bytes. */
    public int length() {
        return content.length;
    }

    /**
     * The content as text, in the charset of its {@code Content-Type} if it names a known one,
     * else UTF-8 (RFC 7578 §5.1.2).
     */
    public String text() {
        Charset cs = StandardCharsets.UTF_8;
        try {
            cs = MediaType.parse(headers.contentType()).charset().orElse(StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            // an unparseable Content-Type: keep UTF-8
        }
        return new String(content, cs);
    }

    @Override
    public String toString() {
        return "BufferedPart" + headers + " (" + content.length + " bytes)";
    }
}
