package io.jasyncio.http.web;

import io.jasyncio.http.HeaderNames;
import io.jasyncio.http.HttpMethod;
import io.jasyncio.http.mime.ByteRange;
import io.jasyncio.http.mime.ETag;
import io.jasyncio.http.mime.HttpDate;
import io.jasyncio.http.mime.MimeTypes;
import io.jasyncio.http.mime.RangeHeader;
import io.jasyncio.http.mime.RangeResult;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Instant;
import java.util.Optional;

/**
 * A file sent as the response body: aiohttp's {@code web.FileResponse}, also what static routes
 * answer with. Return it from a handler; preparing it sends the head and the whole file.
 *
 * <h2>What it answers</h2>
 * <ul>
 *   <li>validators: {@code ETag} ({@code "<mtime ns hex>-<size hex>"}, as aiohttp) and
 *       {@code Last-Modified}; {@code If-Match} / {@code If-Unmodified-Since} that fail give 412;
 *       {@code If-None-Match} / {@code If-Modified-Since} that match give 304 to GET and HEAD;</li>
 *   <li>ranges ({@code Accept-Ranges: bytes}): one satisfiable range of a GET (honouring
 *       {@code If-Range}) gives 206 with {@code Content-Range}; an unsatisfiable one gives 416 with
 *       {@code Content-Range: bytes *&#47;size}; several ranges are answered with the whole file
 *       (200), which RFC 9110 allows;</li>
 *   <li>{@code Content-Type} from the file name ({@link MimeTypes}) unless set;</li>
 *   <li>a missing file 404, a directory 403.</li>
 * </ul>
 *
 * <h2>How it sends</h2>
 * With {@code Content-Length}, straight from the file system ({@link FileChannel#transferTo})
 * when the transport allows it, else in 64 KiB reads; either way suspending while the client is
 * slow, so a large file never sits in memory. With {@link #enableCompression()} the file is
 * compressed as it is read (chunked). The file is opened without following a final symbolic link.
 *
 * <p>Confined to the request's task, and sent once, as any {@link StreamResponse}. File-system
 * calls (metadata, reads) are blocking calls made in that task.
 *
 * <p>For example:
 * {@snippet class=io.jasyncio.http.snippets.WebSnippets region=fileResponse}
 */
public class FileResponse extends StreamResponse {

    private final Path path;

    /**
     * @param path the file to send
     */
    public FileResponse(Path path) {
        this.path = path;
    }

    /** @return the file */
    public Path path() {
        return path;
    }

    @Override
    public void prepare(Request request) throws IOException {
        if (isPrepared()) {
            super.prepare(request);
            return;
        }
        BasicFileAttributes attrs;
        try {
            attrs = Files.readAttributes(path, BasicFileAttributes.class);
        } catch (NoSuchFileException e) {
            throw new HTTPNotFound();
        }
        if (attrs.isDirectory()) {
            throw new HTTPForbidden();
        }
        if (!attrs.isRegularFile()) {
            throw new HTTPNotFound();
        }
        long size = attrs.size();
        Instant mtime = attrs.lastModifiedTime().toInstant();
        long mtimeNs = mtime.getEpochSecond() * 1_000_000_000L + mtime.getNano();
        ETag etag = ETag.strong(Long.toHexString(mtimeNs) + "-" + Long.toHexString(size));
        Instant lastModified = Instant.ofEpochSecond(mtime.getEpochSecond());
        String method = request.method();
        boolean getOrHead = method.equals(HttpMethod.GET) || method.equals(HttpMethod.HEAD);

        // RFC 9110 §13.2.2: evaluation order of the preconditions.
        String ifMatch = request.headers().get(HeaderNames.IF_MATCH);
        if (ifMatch != null) {
            if (!ETag.ifMatch(ifMatch, etag)) {
                throw new HTTPPreconditionFailed();
            }
        } else {
            Optional<Instant> ius = date(request, HeaderNames.IF_UNMODIFIED_SINCE);
            if (ius.isPresent() && lastModified.isAfter(ius.get())) {
                throw new HTTPPreconditionFailed();
            }
        }
        String ifNoneMatch = request.headers().get(HeaderNames.IF_NONE_MATCH);
        boolean notModified = false;
        if (ifNoneMatch != null) {
            if (!ETag.ifNoneMatch(ifNoneMatch, etag)) {
                if (!getOrHead) {
                    throw new HTTPPreconditionFailed();
                }
                notModified = true;
            }
        } else if (getOrHead) {
            Optional<Instant> ims = date(request, HeaderNames.IF_MODIFIED_SINCE);
            notModified = ims.isPresent() && !lastModified.isAfter(ims.get());
        }
        setEtag(etag);
        setLastModified(lastModified);
        if (notModified) {
            setStatus(304);
            super.prepare(request);
            writeEof();
            return;
        }

        long first = 0;
        long count = size;
        String range = request.headers().get(HeaderNames.RANGE);
        if (range != null && method.equals(HttpMethod.GET) && ifRangeHolds(request, etag, lastModified)) {
            RangeResult r = RangeHeader.evaluate(range, size);
            if (r instanceof RangeResult.Unsatisfiable u) {
                HTTPRequestRangeNotSatisfiable e = new HTTPRequestRangeNotSatisfiable();
                e.headers().set(HeaderNames.CONTENT_RANGE, u.contentRange());
                throw e;
            }
            if (r instanceof RangeResult.Satisfiable s && s.ranges().size() == 1) {
                ByteRange br = s.ranges().get(0);
                first = br.first();
                count = br.length();
                setStatus(206);
                headers().set(HeaderNames.CONTENT_RANGE, br.contentRange(size));
            }
        }
        headers().set(HeaderNames.ACCEPT_RANGES, "bytes");
        if (!headers().contains(HeaderNames.CONTENT_TYPE)) {
            Path name = path.getFileName();
            setContentType(MimeTypes.guessTypeOrDefault(name == null ? "" : name.toString()));
        }
        setContentLength(count);
        if (request.method().equals(HttpMethod.HEAD)) {
            super.prepare(request);
            writeEof();
            return;
        }
        try (FileChannel ch = FileChannel.open(path, StandardOpenOption.READ, LinkOption.NOFOLLOW_LINKS)) {
            super.prepare(request);
            payload().sendFile(ch, first, count);
        }
        writeEof();
    }

    private static boolean ifRangeHolds(Request request, ETag etag, Instant lastModified) {
        String ifRange = request.headers().get(HeaderNames.IF_RANGE);
        if (ifRange == null) {
            return true;
        }
        String v = ifRange.strip();
        if (v.startsWith("\"") || v.startsWith("W/")) {
            try {
                return ETag.parse(v).strongMatches(etag);
            } catch (IllegalArgumentException e) {
                return false;
            }
        }
        return HttpDate.parse(v).map(d -> d.equals(lastModified)).orElse(false);
    }

    private static Optional<Instant> date(Request request, String header) {
        String v = request.headers().get(header);
        return v == null ? Optional.empty() : HttpDate.parse(v);
    }
}
