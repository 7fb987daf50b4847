package io.jasyncio.http.mime;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Guesses a content type from a file name, like Python's {@code mimetypes.guess_type}, from a
 * built-in table of the types a web server commonly serves (no system files are read, so the
 * answer is the same on every machine).
 *
 * <p>Text types are returned without a {@code charset}; add one with {@link MediaType} if the
 * content's encoding is known. Stateless and thread-safe.
 *
 * <p>For example:
 * {@snippet class=io.jasyncio.http.snippets.MessageSnippets region=mediaType}
 */
public final class MimeTypes {
    /** The type to use when nothing better is known (RFC 9110 §8.3). */
    public static final String DEFAULT = "application/octet-stream";

    private static final Map<String, String> BY_EXTENSION = Map.ofEntries(
            // text and documents
            Map.entry("html", "text/html"),
            Map.entry("htm", "text/html"),
            Map.entry("css", "text/css"),
            Map.entry("js", "text/javascript"),
            Map.entry("mjs", "text/javascript"),
            Map.entry("txt", "text/plain"),
            Map.entry("text", "text/plain"),
            Map.entry("csv", "text/csv"),
            Map.entry("md", "text/markdown"),
            Map.entry("ics", "text/calendar"),
            Map.entry("xml", "application/xml"),
            Map.entry("xhtml", "application/xhtml+xml"),
            Map.entry("rss", "application/rss+xml"),
            Map.entry("atom", "application/atom+xml"),
            Map.entry("json", "application/json"),
            Map.entry("map", "application/json"),
            Map.entry("jsonld", "application/ld+json"),
            Map.entry("webmanifest", "application/manifest+json"),
            Map.entry("yaml", "application/yaml"),
            Map.entry("yml", "application/yaml"),
            Map.entry("pdf", "application/pdf"),
            Map.entry("wasm", "application/wasm"),
            // images
            Map.entry("png", "image/png"),
            Map.entry("apng", "image/apng"),
            Map.entry("jpg", "image/jpeg"),
            Map.entry("jpeg", "image/jpeg"),
            Map.entry("gif", "image/gif"),
            Map.entry("svg", "image/svg+xml"),
            Map.entry("webp", "image/webp"),
            Map.entry("avif", "image/avif"),
            Map.entry("ico", "image/vnd.microsoft.icon"),
            Map.entry("bmp", "image/bmp"),
            Map.entry("tif", "image/tiff"),
            Map.entry("tiff", "image/tiff"),
            // fonts
            Map.entry("woff", "font/woff"),
            Map.entry("woff2", "font/woff2"),
            Map.entry("ttf", "font/ttf"),
            Map.entry("otf", "font/otf"),
            Map.entry("eot", "application/vnd.ms-fontobject"),
            // audio and video
            Map.entry("mp3", "audio/mpeg"),
            Map.entry("m4a", "audio/mp4"),
            Map.entry("wav", "audio/wav"),
            Map.entry("ogg", "audio/ogg"),
            Map.entry("oga", "audio/ogg"),
            Map.entry("opus", "audio/opus"),
            Map.entry("flac", "audio/flac"),
            Map.entry("mp4", "video/mp4"),
            Map.entry("m4v", "video/mp4"),
            Map.entry("webm", "video/webm"),
            Map.entry("ogv", "video/ogg"),
            Map.entry("mov", "video/quicktime"),
            Map.entry("mpeg", "video/mpeg"),
            // archives and binaries
            Map.entry("zip", "application/zip"),
            Map.entry("gz", "application/gzip"),
            Map.entry("tgz", "application/gzip"),
            Map.entry("tar", "application/x-tar"),
            Map.entry("7z", "application/x-7z-compressed"),
            Map.entry("bin", DEFAULT));

    private MimeTypes() {}

    /** The type for an extension, with or without its leading dot, in any case. */
    public static Optional<String> forExtension(String extension) {
        String ext = extension.startsWith(".") ? extension.substring(1) : extension;
        return Optional.ofNullable(BY_EXTENSION.get(ext.toLowerCase(Locale.ROOT)));
    }

    /**
     * The type for a file name or path (either separator), judged by the text after the last dot
     * of the last segment; empty when there is no extension or it is unknown.
     */
    public static Optional<String> guessType(String fileName) {
        int start = Math.max(fileName.lastIndexOf('/'), fileName.lastIndexOf('\\')) + 1;
        int dot = fileName.lastIndexOf('.');
        if (dot <= start) { // no dot, or a dot file such as ".profile"
            return Optional.empty();
        }
        return forExtension(fileName.substring(dot + 1));
    }

    /** As {@link #guessType(String)}, falling back to {@link #DEFAULT}. */
    public static String guessTypeOrDefault(String fileName) {
        return guessType(fileName).orElse(DEFAULT);
    }
}
