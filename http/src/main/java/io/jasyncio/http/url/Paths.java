package io.jasyncio.http.url;

/**
 * The path algorithms of RFC 3986 reference resolution: merge (§5.2.3) and remove_dot_segments
 * (§5.2.4). Works on raw (percent-encoded) paths; an encoded dot ({@code %2E}) is not a dot
 * segment. Stateless and package-private.
 */
final class Paths {
    private Paths() {}

    /** Merges a relative-path reference with the base path. */
    static String merge(boolean baseHasAuthority, String basePath, String refPath) {
        if (baseHasAuthority && basePath.isEmpty()) {
            return "/" + refPath;
        }
        int slash = basePath.lastIndexOf('/');
        return slash < 0 ? refPath : basePath.substring(0, slash + 1) + refPath;
    }

    /** Interprets and removes "." and ".." segments, as §5.2.4 describes step by step. */
    static String removeDotSegments(String path) {
        if (path.indexOf('.') < 0) {
            return path;
        }
        StringBuilder out = new StringBuilder(path.length());
        String in = path;
        while (!in.isEmpty()) {
            if (in.startsWith("../")) {                     // A
                in = in.substring(3);
            } else if (in.startsWith("./")) {
                in = in.substring(2);
            } else if (in.startsWith("/./")) {              // B
                in = in.substring(2);
            } else if (in.equals("/.")) {
                in = "/";
            } else if (in.startsWith("/../")) {             // C
                in = in.substring(3);
                removeLastSegment(out);
            } else if (in.equals("/..")) {
                in = "/";
                removeLastSegment(out);
            } else if (in.equals(".") || in.equals("..")) { // D
                in = "";
            } else {                                        // E
                int next = in.indexOf('/', in.startsWith("/") ? 1 : 0);
                if (next < 0) {
                    next = in.length();
                }
                out.append(in, 0, next);
                in = in.substring(next);
            }
        }
        return out.toString();
    }

    private static void removeLastSegment(StringBuilder out) {
        int slash = out.lastIndexOf("/");
        out.setLength(Math.max(slash, 0));
    }
}
