package io.jasyncio.http.body;

import io.jasyncio.http.mime.ContentDisposition;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The header section of one multipart part, with the form-data view of it: the field
 * {@link #name()}, the {@link #filename()} and the {@link #contentType()}.
 *
 * <p>Invariants: header names are looked up case-insensitively; values are trimmed, decoded as
 * UTF-8 (RFC 7578 §5.1 lets names and file names be UTF-8 directly), and kept in order when a
 * header repeats. A present {@code Content-Disposition} parsed successfully (the parser rejects
 * the part otherwise).
 *
 * <p>Immutable and thread-safe.
 *
 * <p>For example:
 * {@snippet class=io.jasyncio.http.snippets.CodecSnippets region=multipartParser}
 */
public final class PartHeaders {
    /** The content type of a part that does not state one (RFC 7578 §4.4). */
    public static final String DEFAULT_CONTENT_TYPE = "text/plain";

    private final Map<String, List<String>> headers;
    private final ContentDisposition disposition;

    private PartHeaders(Map<String, List<String>> headers, ContentDisposition disposition) {
        this.headers = headers;
        this.disposition = disposition;
    }

    /**
     * Parses a header section: CRLF-separated {@code Name: value} lines, without the blank line
     * that ends it.
     */
    static PartHeaders parse(byte[] buf, int length, int partNumber) throws MultipartException {
        Map<String, List<String>> map = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        int start = 0;
        while (start < length) {
            int end = indexOfCrlf(buf, start, length);
            String line = new String(buf, start, end - start, StandardCharsets.UTF_8);
            start = end + 2;
            if (line.isEmpty()) {
                continue;
            }
            if (line.charAt(0) == ' ' || line.charAt(0) == '\t') {
                throw new MultipartException("obsolete line folding in the headers of part " + partNumber);
            }
            int colon = line.indexOf(':');
            if (colon <= 0 || !isToken(line.substring(0, colon)) || hasControl(line)) {
                throw new MultipartException("malformed header line in part " + partNumber + ": '"
                        + printable(line) + "'");
            }
            map.computeIfAbsent(line.substring(0, colon), k -> new ArrayList<>())
                    .add(line.substring(colon + 1).strip());
        }
        map.replaceAll((k, v) -> List.copyOf(v));
        ContentDisposition disposition = null;
        List<String> cd = map.get("Content-Disposition");
        if (cd != null) {
            try {
                disposition = ContentDisposition.parse(cd.getFirst());
            } catch (IllegalArgumentException e) {
                throw new MultipartException("malformed Content-Disposition in part " + partNumber + ": "
                        + e.getMessage(), e);
            }
        }
        return new PartHeaders(Collections.unmodifiableMap(map), disposition);
    }

    /** All headers; keys compare case-insensitively. Unmodifiable. */
    public Map<String, List<String>> headers() {
        return headers;
    }

    /** The first value of a header, looked up case-insensitively. */
    public Optional<String> header(String name) {
        List<String> values = headers.get(name);
        return values == null ? Optional.empty() : Optional.of(values.getFirst());
    }

    /** The parsed {@code Content-Disposition}, if the part has one. */
    public Optional<ContentDisposition> contentDisposition() {
        return Optional.ofNullable(disposition);
    }

    /** The form field name ({@code Content-Disposition} {@code name}). */
    public Optional<String> name() {
        return disposition == null ? Optional.empty() : disposition.name();
    }

    /** The file name ({@code filename*} preferred over {@code filename}); present for file parts. */
    public Optional<String> filename() {
        return disposition == null ? Optional.empty() : disposition.filename();
    }

    /** The {@code Content-Type}, or {@code text/plain} if absent. */
    public String contentType() {
        return header("Content-Type").orElse(DEFAULT_CONTENT_TYPE);
    }

    @Override
    public String toString() {
        return headers.toString();
    }

    private static int indexOfCrlf(byte[] buf, int from, int length) {
        for (int i = from; i + 1 < length; i++) {
            if (buf[i] == '\r' && buf[i + 1] == '\n') {
                return i;
            }
        }
        return length;
    }

    private static boolean isToken(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            boolean ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
                    || "!#$%&'*+-.^_`|~".indexOf(c) >= 0;
            if (!ok) {
                return false;
            }
        }
        return !s.isEmpty();
    }

    private static boolean hasControl(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if ((c < 0x20 && c != '\t') || c == 0x7f) {
                return true;
            }
        }
        return false;
    }

    private static String printable(String line) {
        String s = line.length() > 80 ? line.substring(0, 80) + "..." : line;
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            sb.append((c < 0x20 || c == 0x7f) ? "\\x%02X".formatted((int) c) : String.valueOf(c));
        }
        return sb.toString();
    }
}
