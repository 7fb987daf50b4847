package io.jasyncio.http.mime;

import io.jasyncio.http.url.PercentCodec;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A {@code Content-Disposition} value: {@code form-data} for the parts of a multipart form
 * (RFC 7578 §4.2) or {@code attachment} / {@code inline} for a response (RFC 6266).
 *
 * <p>Parsing is lenient where real senders deviate: in a quoted value a backslash escapes only
 * {@code "} and {@code \} and is otherwise literal (so {@code C:\dir\a.txt} survives), and
 * unquoted values may hold any visible character but {@code ;}. {@link #filename()} prefers the
 * RFC 8187 {@code filename*} parameter when it decodes, as RFC 6266 §4.3 says.
 *
 * <p>Formatting quotes every plain parameter, escapes {@code "} and {@code \} with a backslash, and
 * writes CR, LF and other control characters as {@code %0D}, {@code %0A}, ... as browsers do
 * (a header cannot hold them).
 * Non-ASCII text is written as UTF-8, which RFC 7578 §5.1.1 allows for form data;
 * {@link #attachment(String)} adds a {@code filename*} for it as RFC 6266 recommends.
 *
 * <p>Invariants: the type is a lower-case token; parameter names are lower-case and unique.
 * Immutable and thread-safe.
 *
 * <p>For example:
 * {@snippet class=io.jasyncio.http.snippets.MessageSnippets region=contentDisposition}
 */
public final class ContentDisposition {
    private final String type;
    private final Map<String, String> parameters;

    private ContentDisposition(String type, Map<String, String> parameters) {
        this.type = type;
        this.parameters = parameters;
    }

    /**
     * Parses a header value.
     *
     * @throws IllegalArgumentException naming the problem, for example an unterminated quote
     */
    public static ContentDisposition parse(String value) {
        Objects.requireNonNull(value, "value");
        String s = value.strip();
        int end = 0;
        while (end < s.length() && Syntax.isTchar(s.charAt(end))) {
            end++;
        }
        if (end == 0) {
            throw new IllegalArgumentException(
                    "invalid Content-Disposition '" + value + "': expected a disposition type");
        }
        Map<String, String> params;
        try {
            params = Syntax.parameters(s, end, false);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(
                    "invalid Content-Disposition '" + value + "': " + e.getMessage(), e);
        }
        return new ContentDisposition(s.substring(0, end).toLowerCase(Locale.ROOT),
                Collections.unmodifiableMap(params));
    }

    /** {@code form-data; name="..."[; filename="..."]}; {@code filename} may be null. */
    public static ContentDisposition formData(String name, String filename) {
        Map<String, String> params = new LinkedHashMap<>();
        params.put("name", Objects.requireNonNull(name, "name"));
        if (filename != null) {
            params.put("filename", filename);
        }
        return new ContentDisposition("form-data", Collections.unmodifiableMap(params));
    }

    /**
     * {@code attachment; filename="..."}, plus {@code filename*=UTF-8''...} when the name is not
     * plain ASCII (the plain parameter then carries the name with {@code ?} for other characters).
     */
    public static ContentDisposition attachment(String filename) {
        Map<String, String> params = new LinkedHashMap<>();
        StringBuilder ascii = new StringBuilder();
        boolean plain = true;
        for (int i = 0; i < filename.length(); i++) {
            char c = filename.charAt(i);
            plain &= c >= 0x20 && c < 0x7f;
            ascii.append(c >= 0x20 && c < 0x7f ? c : '?');
        }
        params.put("filename", ascii.toString());
        if (!plain) {
            params.put("filename*", "UTF-8''" + PercentCodec.encode(filename));
        }
        return new ContentDisposition("attachment", Collections.unmodifiableMap(params));
    }

    /** The disposition type in lower case: {@code form-data}, {@code attachment}, {@code inline}... */
    public String type() {
        return type;
    }

    /** The parameters, names in lower case, values unquoted; unmodifiable. */
    public Map<String, String> parameters() {
        return parameters;
    }

    /** A parameter's value, looked up case-insensitively. */
    public Optional<String> parameter(String name) {
        return Optional.ofNullable(parameters.get(name.toLowerCase(Locale.ROOT)));
    }

    /** The {@code name} parameter: the form field a part belongs to. */
    public Optional<String> name() {
        return parameter("name");
    }

    /** The file name: the decoded {@code filename*} if present and valid, else {@code filename}. */
    public Optional<String> filename() {
        String ext = parameters.get("filename*");
        if (ext != null) {
            Optional<String> decoded = decodeExtValue(ext);
            if (decoded.isPresent()) {
                return decoded;
            }
        }
        return parameter("filename");
    }

    /** Decodes an RFC 8187 ext-value {@code charset'[language]'pct-encoded}; UTF-8 and ISO-8859-1 only. */
    static Optional<String> decodeExtValue(String ext) {
        int q1 = ext.indexOf('\'');
        int q2 = q1 < 0 ? -1 : ext.indexOf('\'', q1 + 1);
        if (q2 < 0) {
            return Optional.empty();
        }
        String charset = ext.substring(0, q1);
        String encoded = ext.substring(q2 + 1);
        if (charset.equalsIgnoreCase("UTF-8")) {
            return Optional.of(PercentCodec.decode(encoded, StandardCharsets.UTF_8));
        }
        if (charset.equalsIgnoreCase("ISO-8859-1")) {
            return Optional.of(PercentCodec.decode(encoded, StandardCharsets.ISO_8859_1));
        }
        return Optional.empty();
    }

    /** The header form; see the class comment for the quoting rules. */
    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder(type);
        parameters.forEach((name, value) -> {
            sb.append("; ").append(name).append('=');
            if (name.endsWith("*")) {
                sb.append(value);
                return;
            }
            sb.append('"');
            for (int i = 0; i < value.length(); i++) {
                char c = value.charAt(i);
                switch (c) {
                    case '"', '\\' -> sb.append('\\').append(c);
                    default -> {
                        if ((c < 0x20 && c != '\t') || c == 0x7f) {
                            sb.append("%%%02X".formatted((int) c));
                        } else {
                            sb.append(c);
                        }
                    }
                }
            }
            sb.append('"');
        });
        return sb.toString();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ContentDisposition d && type.equals(d.type) && parameters.equals(d.parameters);
    }

    @Override
    public int hashCode() {
        return Objects.hash(type, parameters);
    }
}
