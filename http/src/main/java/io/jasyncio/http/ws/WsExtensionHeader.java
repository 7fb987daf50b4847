package io.jasyncio.http.ws;

import java.util.ArrayList;
import java.util.List;

/**
 * Parses {@code Sec-WebSocket-Extensions} values (RFC 6455 §9.1):
 * {@code extension *( ";" param [ "=" ( token / quoted-string ) ] )}, comma-separated, across
 * any number of header lines. Quoted values are unquoted; names keep their case.
 *
 * <p>Thread rules: pure functions.
 */
final class WsExtensionHeader {

    /** One extension with its parameters in the order given. */
    record Extension(String name, List<Param> params) {
    }

    /** A parameter; {@code value} is null when it has none. */
    record Param(String name, String value) {
    }

    private final String s;
    private int pos;

    private WsExtensionHeader(String s) {
        this.s = s;
    }

    /**
     * @throws IllegalArgumentException if the values do not follow the grammar
     */
    static List<Extension> parse(List<String> values) {
        List<Extension> out = new ArrayList<>();
        for (String v : values) {
            new WsExtensionHeader(v).parseInto(out);
        }
        return out;
    }

    private void parseInto(List<Extension> out) {
        while (true) {
            skipSpace();
            if (pos >= s.length()) {
                return;
            }
            if (s.charAt(pos) == ',') {
                pos++; // empty list element
                continue;
            }
            String name = token("extension name");
            List<Param> params = new ArrayList<>();
            skipSpace();
            while (pos < s.length() && s.charAt(pos) == ';') {
                pos++;
                skipSpace();
                String pname = token("parameter name");
                skipSpace();
                String value = null;
                if (pos < s.length() && s.charAt(pos) == '=') {
                    pos++;
                    skipSpace();
                    value = pos < s.length() && s.charAt(pos) == '"' ? quoted() : token("parameter value");
                    skipSpace();
                }
                params.add(new Param(pname, value));
            }
            out.add(new Extension(name, List.copyOf(params)));
            if (pos < s.length()) {
                if (s.charAt(pos) != ',') {
                    throw error("expected ',' or ';'");
                }
                pos++;
            }
        }
    }

    private String token(String what) {
        int start = pos;
        while (pos < s.length() && isTokenChar(s.charAt(pos))) {
            pos++;
        }
        if (pos == start) {
            throw error("expected " + what);
        }
        return s.substring(start, pos);
    }

    private String quoted() {
        pos++; // opening quote
        StringBuilder sb = new StringBuilder();
        while (pos < s.length()) {
            char c = s.charAt(pos++);
            if (c == '"') {
                return sb.toString();
            }
            if (c == '\\') {
                if (pos >= s.length()) {
                    break;
                }
                c = s.charAt(pos++);
            }
            sb.append(c);
        }
        throw error("unterminated quoted string");
    }

    private void skipSpace() {
        while (pos < s.length() && (s.charAt(pos) == ' ' || s.charAt(pos) == '\t')) {
            pos++;
        }
    }

    private IllegalArgumentException error(String what) {
        return new IllegalArgumentException(
                "malformed Sec-WebSocket-Extensions value '" + s + "' at " + pos + ": " + what);
    }

    private static boolean isTokenChar(char c) {
        if (c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9') {
            return true;
        }
        return "!#$%&'*+-.^_`|~".indexOf(c) >= 0;
    }
}
