package io.jasyncio.http.web;

import io.jasyncio.http.body.BodyLimitException;
import io.jasyncio.http.body.MultipartHandler;
import io.jasyncio.http.body.PartHeaders;
import io.jasyncio.http.mime.MediaType;
import io.jasyncio.http.url.Query;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;

/**
 * Builds a {@link Form} from a multipart body as the parser reports it: text fields into memory,
 * parts with a file name into temporary files (registered with the request, which deletes them
 * when its handler finishes). Every content byte counts towards the limit
 * ({@link Application#clientMaxSize()}); crossing it throws {@link BodyLimitException}. Parts
 * without a field name are skipped.
 *
 * <p>Confined to the request's task; writes to temporary files are blocking calls in that task.
 */
final class FormCollector implements MultipartHandler {

    private final Request request;
    private final long max;
    private final Query.Builder fields = Query.builder();
    private final List<FileField> files = new ArrayList<>();
    private long total;

    private PartHeaders part;
    private String name;
    private ByteArrayOutputStream text;
    private Path file;
    private FileChannel channel;
    private long size;

    FormCollector(Request request, long max) {
        this.request = request;
        this.max = max;
    }

    @Override
    public void partStarted(PartHeaders headers) throws IOException {
        part = headers;
        name = headers.name().orElse(null);
        size = 0;
        if (name == null) {
            return;
        }
        if (headers.filename().isPresent()) {
            file = Files.createTempFile("jasyncio-upload-", ".part");
            request.addTempFile(file);
            channel = FileChannel.open(file, StandardOpenOption.WRITE);
        } else {
            text = new ByteArrayOutputStream();
        }
    }

    @Override
    public void partData(ByteBuffer data) throws IOException {
        int n = data.remaining();
        total += n;
        if (max > 0 && total > max) {
            throw new BodyLimitException("Maximum request body size " + max + " exceeded, actual body size " + total);
        }
        if (name == null) {
            return;
        }
        size += n;
        if (channel != null) {
            while (data.hasRemaining()) {
                channel.write(data);
            }
        } else {
            byte[] b = new byte[n];
            data.get(b);
            text.write(b, 0, n);
        }
    }

    @Override
    public void partEnded() throws IOException {
        if (name == null) {
            return;
        }
        if (channel != null) {
            channel.close();
            channel = null;
            files.add(new FileField(name, part.filename().orElse(""), part.contentType(), file, size, part));
            file = null;
        } else {
            fields.add(name, text.toString(charsetOf(part)));
            text = null;
        }
    }

    private static Charset charsetOf(PartHeaders part) {
        try {
            return MediaType.parse(part.contentType()).charset().orElse(StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return StandardCharsets.UTF_8;
        }
    }

    /** Closes a file left open by a failure. */
    void abort() {
        if (channel != null) {
            try {
                channel.close();
            } catch (IOException ignored) {
                // the file is deleted with the request's other temporary files
            }
            channel = null;
        }
    }

    /** @return the fields and files collected */
    Form form() {
        return new Form(fields.build(), files);
    }

    /** @return content bytes seen */
    long total() {
        return total;
    }
}
