package io.jasyncio.http;

/**
 * The HTTP/1.x protocol versions this library speaks. Other versions are rejected by the parsers
 * (status 505).
 *
 * <p>Immutable and thread-safe.
 *
 * <p>For example:
 * {@snippet class=io.jasyncio.http.snippets.MessageSnippets region=heads}
 */
public enum HttpVersion {
    /** HTTP/1.0: connections close after each message unless {@code Connection: keep-alive}. */
    HTTP_1_0(1, 0),
    /** HTTP/1.1: connections persist unless {@code Connection: close}. */
    HTTP_1_1(1, 1);

    private final int major;
    private final int minor;
    private final String text;

    HttpVersion(int major, int minor) {
        this.major = major;
        this.minor = minor;
        this.text = "HTTP/" + major + "." + minor;
    }

    /** @return the major version number (1) */
    public int major() {
        return major;
    }

    /** @return the minor version number (0 or 1) */
    public int minor() {
        return minor;
    }

    /** @return the protocol string as it appears on the wire, e.g. {@code "HTTP/1.1"} */
    public String text() {
        return text;
    }

    /** @return whether connections persist by default in this version (true for 1.1) */
    public boolean keepAliveByDefault() {
        return this == HTTP_1_1;
    }

    @Override
    public String toString() {
        return text;
    }
}
