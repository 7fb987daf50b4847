package io.jasyncio.http.mime;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class MimeTypesTest {

    /** Common web extensions map to their registered types. */
    @Test
    void knowsCommonWebTypes() {
        assertThat(MimeTypes.guessType("index.html")).contains("text/html");
        assertThat(MimeTypes.guessType("app.js")).contains("text/javascript");
        assertThat(MimeTypes.guessType("data.json")).contains("application/json");
        assertThat(MimeTypes.guessType("logo.svg")).contains("image/svg+xml");
        assertThat(MimeTypes.guessType("font.woff2")).contains("font/woff2");
        assertThat(MimeTypes.guessType("mod.wasm")).contains("application/wasm");
    }

    /** The extension is matched case-insensitively and only in the last path segment. */
    @Test
    void usesLastSegmentCaseInsensitively() {
        assertThat(MimeTypes.guessType("/static/v1.2/PHOTO.JPG")).contains("image/jpeg");
        assertThat(MimeTypes.guessType("/static/v1.2/README")).isEmpty();
    }

    /** A dot file has no extension. */
    @Test
    void dotFileHasNoExtension() {
        assertThat(MimeTypes.guessType("dir/.htaccess")).isEmpty();
    }

    /** Unknown types fall back to application/octet-stream. */
    @Test
    void defaultsToOctetStream() {
        assertThat(MimeTypes.guessTypeOrDefault("x.unknownext")).isEqualTo("application/octet-stream");
    }

    /** Lookup by extension accepts a leading dot. */
    @Test
    void forExtensionAcceptsLeadingDot() {
        assertThat(MimeTypes.forExtension(".PNG")).contains("image/png");
    }
}
