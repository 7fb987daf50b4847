package io.jasyncio.http.cookie;

/**
 * The {@code SameSite} attribute of a cookie (RFC 6265bis §4.1.2.7). The jar stores it but does
 * not enforce it: a client has no notion of the site a request comes from. Thread-safe (an enum).
 *
 * <p>For example:
 * {@snippet class=io.jasyncio.http.snippets.MessageSnippets region=cookie}
 */
public enum SameSite {
    /** Sent only with same-site requests. */
    STRICT("Strict"),
    /** Sent with same-site requests and top-level cross-site navigations. */
    LAX("Lax"),
    /** Sent with all requests; browsers require {@code Secure} with it. */
    NONE("None");

    private final String attributeValue;

    SameSite(String attributeValue) {
        this.attributeValue = attributeValue;
    }

    /** The value as written in {@code Set-Cookie}: {@code Strict}, {@code Lax} or {@code None}. */
    public String attributeValue() {
        return attributeValue;
    }

    /** The constant for an attribute value, ignoring case; null if unrecognised. */
    static SameSite fromAttribute(String value) {
        for (SameSite s : values()) {
            if (s.attributeValue.equalsIgnoreCase(value)) {
                return s;
            }
        }
        return null;
    }
}
