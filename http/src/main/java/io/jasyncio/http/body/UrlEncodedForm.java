package io.jasyncio.http.body;

import io.jasyncio.http.url.Query;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;

/**
 * {@code application/x-www-form-urlencoded} bodies, the default encoding of HTML forms (WHATWG
 * URL §5), as aiohttp sends for {@code data=dict} and reads in {@code request.post()}.
 *
 * <p>Encoding writes {@code name=value} pairs joined by {@code &}, space as {@code +}, everything
 * but unreserved characters percent-encoded as UTF-8; the body is ASCII. Decoding reads the body
 * as text in the given charset (so raw non-ASCII that a careless client sends survives) and then
 * as a {@link Query}: {@code +} is a space, escapes are octets of the charset, malformed escapes
 * stay literal. A limit on the number of fields bounds the work a hostile body can cause.
 *
 * <p>Stateless; thread-safe.
 *
 * <p>For example:
 * {@snippet class=io.jasyncio.http.snippets.CodecSnippets region=urlEncoded}
 */
public final class UrlEncodedForm {
    /** The media type of these bodies. */
    public static final String CONTENT_TYPE = "application/x-www-form-urlencoded";
    /** The default maximum number of fields {@link #decode(byte[])} accepts. */
    public static final int DEFAULT_MAX_FIELDS = 1000;

    private UrlEncodedForm() {}

    /** The body for a form, as ASCII bytes. */
    public static byte[] encode(Query form) {
        return form.encode().getBytes(StandardCharsets.US_ASCII);
    }

    /** Decodes a UTF-8 body with at most {@link #DEFAULT_MAX_FIELDS} fields. */
    public static Query decode(byte[] body) throws BodyLimitException {
        return decode(body, StandardCharsets.UTF_8, DEFAULT_MAX_FIELDS);
    }

    /**
     * Decodes a body in {@code charset}.
     *
     * @throws BodyLimitException if the body has more than {@code maxFields} fields
     */
    public static Query decode(byte[] body, Charset charset, int maxFields) throws BodyLimitException {
        String text = new String(body, charset);
        int fields = 0;
        int start = 0;
        while (start <= text.length()) {
            int amp = text.indexOf('&', start);
            int end = amp < 0 ? text.length() : amp;
            if (end > start && ++fields > maxFields) {
                throw new BodyLimitException("form has more than " + maxFields + " fields");
            }
            start = end + 1;
        }
        return Query.parse(text, charset);
    }
}
