package io.jasyncio.http.client;

import io.jasyncio.http.body.ChunkSource;
import io.jasyncio.http.body.MultipartWriter;
import io.jasyncio.http.body.UrlEncodedForm;
import io.jasyncio.http.mime.MimeTypes;
import io.jasyncio.http.url.Query;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A form to send as a request body, as aiohttp's {@code FormData}: fields only are sent as
 * {@code application/x-www-form-urlencoded}; with a file (or {@link #multipart()}) as
 * {@code multipart/form-data}, built by the shared {@link MultipartWriter}.
 *
 * {@snippet class=io.jasyncio.http.snippets.ClientSnippets region=formData}
 *
 * <p>Files given as a {@link Path} are streamed from disk while the body is sent, reopened for
 * each send, so such a form can be redirected (307/308) or retried; the file's size is read when
 * the request starts and must not change. A file given as a {@link ChunkSource} is streamed once:
 * a form with one is sent at most once. File reads block the task while they run (short local
 * reads are intended; for slow sources supply a {@code ChunkSource} that suspends).
 *
 * <p>Not thread-safe; build it, then hand it to one request.
 */
public final class FormData {

    private static final int FILE_CHUNK = 64 * 1024;

    private final List<Field> fields = new ArrayList<>();
    private boolean forceMultipart;
    private boolean hasFiles;
    private String boundary;

    private record Field(String name, String value, String filename, String contentType, byte[] bytes, Path path,
            ChunkSource source, long length) {}

    /** Adds a text field. @param name its name @param value its value @return this */
    public FormData addField(String name, String value) {
        fields.add(new Field(Objects.requireNonNull(name, "name"), Objects.requireNonNull(value, "value"),
                null, null, null, null, null, -1));
        return this;
    }

    /**
     * Adds a file held in memory.
     *
     * @param name the field name
     * @param filename the file name to send
     * @param contentType its type, or {@code null} to guess from the file name
     * @param content the bytes (not copied)
     * @return this
     */
    public FormData addFile(String name, String filename, String contentType, byte[] content) {
        hasFiles = true;
        fields.add(new Field(name, null, filename, type(contentType, filename), content, null, null, content.length));
        return this;
    }

    /**
     * Adds a file streamed from disk while sending, named by its file name, typed by its extension.
     *
     * @param name the field name
     * @param file the file
     * @return this
     */
    public FormData addFile(String name, Path file) {
        String filename = file.getFileName().toString();
        return addFile(name, file, filename, null);
    }

    /**
     * Adds a file streamed from disk while sending.
     *
     * @param name the field name
     * @param file the file
     * @param filename the file name to send
     * @param contentType its type, or {@code null} to guess from the file name
     * @return this
     */
    public FormData addFile(String name, Path file, String filename, String contentType) {
        hasFiles = true;
        fields.add(new Field(name, null, filename, type(contentType, filename), null, file, null, -1));
        return this;
    }

    /**
     * Adds a file streamed once from {@code source}.
     *
     * @param name the field name
     * @param filename the file name to send
     * @param contentType its type, or {@code null} to guess from the file name
     * @param source the content
     * @param length its exact length, or -1 if unknown (the body is then sent chunked)
     * @return this
     */
    public FormData addFile(String name, String filename, String contentType, ChunkSource source, long length) {
        hasFiles = true;
        fields.add(new Field(name, null, filename, type(contentType, filename), null, null,
                Objects.requireNonNull(source, "source"), length));
        return this;
    }

    /** Sends the form as {@code multipart/form-data} even if it has no file. @return this */
    public FormData multipart() {
        forceMultipart = true;
        return this;
    }

    /** @return whether the form is sent as {@code multipart/form-data} */
    public boolean isMultipart() {
        return forceMultipart || hasFiles;
    }

    private static String type(String contentType, String filename) {
        return contentType != null ? contentType : MimeTypes.guessTypeOrDefault(filename);
    }

    /** @return the body to send */
    RequestBody toBody() {
        if (!isMultipart()) {
            Query.Builder q = Query.builder();
            for (Field f : fields) {
                q.add(f.name, f.value);
            }
            return RequestBody.of(UrlEncodedForm.encode(q.build()), UrlEncodedForm.CONTENT_TYPE);
        }
        if (boundary == null) {
            boundary = MultipartWriter.formData().boundary();
        }
        boolean replayable = fields.stream().allMatch(f -> f.source == null);
        MultipartWriter first = writer();
        long length = first.contentLength();
        String contentType = first.contentType();
        MultipartWriter[] next = {first};
        return new RequestBody() {
            @Override
            public long length() {
                return length;
            }

            @Override
            public String contentType() {
                return contentType;
            }

            @Override
            public boolean replayable() {
                return replayable;
            }

            @Override
            public ChunkSource open() {
                MultipartWriter w = next[0] != null ? next[0] : writer();
                next[0] = null;
                return w.body();
            }
        };
    }

    private MultipartWriter writer() {
        MultipartWriter w = MultipartWriter.formData(boundary);
        for (Field f : fields) {
            if (f.value != null) {
                w.addField(f.name, f.value);
            } else if (f.bytes != null) {
                w.addFile(f.name, f.filename, f.contentType, f.bytes);
            } else if (f.path != null) {
                long size;
                try {
                    size = Files.size(f.path);
                } catch (IOException e) {
                    throw new UncheckedIOException("cannot read the size of " + f.path, e);
                }
                w.addFile(f.name, f.filename, f.contentType, fileSource(f.path), size);
            } else {
                w.addFile(f.name, f.filename, f.contentType, f.source, f.length);
            }
        }
        return w;
    }

    /** A source that opens the file on first use and closes it at its end. */
    private static ChunkSource fileSource(Path path) {
        return new ChunkSource() {
            private InputStream in;
            private boolean done;

            @Override
            public ByteBuffer next() throws IOException {
                if (done) {
                    return null;
                }
                if (in == null) {
                    in = Files.newInputStream(path);
                }
                byte[] b = in.readNBytes(FILE_CHUNK);
                if (b.length == 0) {
                    done = true;
                    in.close();
                    return null;
                }
                return ByteBuffer.wrap(b);
            }
        };
    }
}
