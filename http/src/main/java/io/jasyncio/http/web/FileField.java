package io.jasyncio.http.web;

import io.jasyncio.http.body.PartHeaders;
import java.nio.file.Path;

/**
 * A file uploaded in a {@code multipart/form-data} body, as {@link Request#post()} stores it:
 * aiohttp's {@code FileField}. Its content was streamed to a temporary file as it arrived, never
 * held in memory.
 *
 * <p>The temporary file is deleted when the request's handler finishes: read it, or move it
 * away ({@code Files.move(field.path(), target)}), before returning.
 *
 * <p>Immutable and thread-safe (the file itself is not).
 *
 * <p>For example:
 * {@snippet class=io.jasyncio.http.snippets.WebSnippets region=form}
 *
 * @param name the form field name
 * @param filename the file name the client gave (untrusted: never use it as a path as is)
 * @param contentType the part's content type ({@code text/plain} if it gave none)
 * @param path the temporary file holding the content
 * @param size the content's length in bytes
 * @param headers all the part's headers
 */
public record FileField(String name, String filename, String contentType, Path path, long size, PartHeaders headers) {
}
