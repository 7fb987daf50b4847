package io.jasyncio.http.web;

import io.jasyncio.http.HttpMethod;
import io.jasyncio.http.url.PercentCodec;
import io.jasyncio.http.url.Url;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * A directory served under a prefix: aiohttp's {@code StaticResource}
 * ({@code router.add_static(prefix, path)}). {@code GET} and {@code HEAD} of
 * {@code <prefix>/<file name>} answer with a {@link FileResponse} (ranges, validators, content
 * type); {@link StaticPaths} guarantees that nothing outside the directory is ever served,
 * whatever the path says. URLs are built with the parameter {@code filename}.
 *
 * <p>Built before the application is frozen; read-only afterwards, then thread-safe.
 */
final class StaticResource extends AbstractResource {

    private String prefix;
    private final Path directory;
    private final boolean followSymlinks;

    /**
     * @param prefix the URL prefix, starting with {@code /}, without a trailing {@code /}
     * @param directory an existing directory
     * @param name the resource name, or {@code null}
     * @param followSymlinks whether symbolic links may lead outside the directory
     */
    StaticResource(String prefix, Path directory, String name, boolean followSymlinks) {
        super(name);
        this.prefix = prefix;
        try {
            this.directory = directory.toRealPath();
        } catch (IOException e) {
            throw new UncheckedIOException("static directory " + directory + " is not usable", e);
        }
        if (!Files.isDirectory(this.directory)) {
            throw new IllegalArgumentException("static path " + directory + " is not a directory");
        }
        this.followSymlinks = followSymlinks;
        add(HttpMethod.GET, this::handle);
        add(HttpMethod.HEAD, this::handle);
    }

    /** @return the directory's real path */
    Path directory() {
        return directory;
    }

    @Override
    public String canonical() {
        return prefix;
    }

    @Override
    public Url urlFor(Map<String, String> parts) {
        String filename = parts.get("filename");
        if (filename == null || parts.size() != 1) {
            throw new IllegalArgumentException("a static resource's URL needs exactly the part \"filename\", got "
                    + parts.keySet());
        }
        String f = filename.startsWith("/") ? filename.substring(1) : filename;
        return Url.parse(PercentCodec.encodePath(prefix + "/" + f));
    }

    @Override
    Map<String, String> match(String safePath) {
        int p = prefix.length();
        if (safePath.length() <= p || !safePath.startsWith(prefix) || safePath.charAt(p) != '/') {
            return null;
        }
        return Map.of("filename", PathDecoding.unsafe(safePath.substring(p + 1)));
    }

    @Override
    void addPrefix(String outer) {
        prefix = outer + prefix;
    }

    private StreamResponse handle(Request request) {
        Path file = StaticPaths.resolve(directory, request.matchInfo("filename"), followSymlinks);
        return new FileResponse(file);
    }
}
