package io.jasyncio.http.web;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The Jackson mapper behind {@link Request#json(Class)} and {@link Response#json(Object)}, with
 * Jackson's defaults (unknown properties in a request body are an error, reported as 400).
 *
 * <p>Thread-safe: an {@link ObjectMapper} that is never reconfigured may be shared by every loop.
 */
final class Json {

    static final ObjectMapper MAPPER = new ObjectMapper();

    private Json() {
    }

    /** @return the value as JSON bytes (UTF-8) */
    static byte[] write(Object value) {
        try {
            return MAPPER.writeValueAsBytes(value);
        } catch (JacksonException e) {
            throw new IllegalArgumentException("cannot write " + value.getClass().getName() + " as JSON: "
                    + e.getOriginalMessage(), e);
        }
    }

    /**
     * @return the JSON document read as {@code type}
     * @throws HTTPBadRequest if it is not valid JSON for that type
     */
    static <T> T read(byte[] body, Class<T> type) {
        try {
            return MAPPER.readValue(body, type);
        } catch (JacksonException e) {
            HTTPBadRequest bad = new HTTPBadRequest("400: Bad Request\ninvalid JSON: " + e.getOriginalMessage());
            bad.addSuppressed(e);
            throw bad;
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
