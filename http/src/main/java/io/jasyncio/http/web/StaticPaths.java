package io.jasyncio.http.web;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.LinkOption;
import java.nio.file.Path;

/**
 * Turns the file name a static route matched into a file that is certainly inside the static
 * directory, or an {@link HttpException}.
 *
 * <p>The rules, each checked on the fully decoded name (so {@code %2e%2e}, {@code %2F} and
 * {@code %00} are seen as {@code ..}, {@code /} and NUL):
 * <ol>
 *   <li>a NUL or a backslash: 404;</li>
 *   <li>an absolute path: 403 (aiohttp's answer);</li>
 *   <li>joined to the directory and normalised, the path must stay inside it ({@code ..}
 *       segments cannot climb out): else 404;</li>
 *   <li>the real path (symbolic links resolved) must stay inside the directory's real path,
 *       unless the route follows symbolic links: else 404;</li>
 *   <li>a directory: 403 (no listings); anything but a regular file (a FIFO, a device): 404;
 *       unreadable: 403.</li>
 * </ol>
 * The answer is the real path, which {@link FileResponse} opens without following links.
 *
 * <p>Stateless and thread-safe; does blocking file-system calls (cheap metadata lookups).
 */
final class StaticPaths {

    private StaticPaths() {
    }

    /**
     * @param rootReal the directory's real path
     * @param name the decoded file name, relative to the directory
     * @param followSymlinks whether links may lead outside the directory
     * @return the file's real path
     * @throws HttpException 403 or 404 as above
     */
    static Path resolve(Path rootReal, String name, boolean followSymlinks) {
        if (name.indexOf('\0') >= 0 || name.indexOf('\\') >= 0) {
            throw new HTTPNotFound();
        }
        Path rel;
        try {
            rel = Path.of(name);
        } catch (InvalidPathException e) {
            throw new HTTPNotFound();
        }
        if (rel.isAbsolute()) {
            throw new HTTPForbidden();
        }
        Path joined = rootReal.resolve(rel).normalize();
        if (!joined.startsWith(rootReal)) {
            throw new HTTPNotFound();
        }
        Path real;
        try {
            real = joined.toRealPath();
        } catch (IOException | SecurityException e) {
            throw new HTTPNotFound();
        }
        if (!followSymlinks && !real.startsWith(rootReal)) {
            throw new HTTPNotFound();
        }
        if (Files.isDirectory(real, LinkOption.NOFOLLOW_LINKS)) {
            throw new HTTPForbidden();
        }
        if (!Files.isRegularFile(real, LinkOption.NOFOLLOW_LINKS)) {
            throw new HTTPNotFound();
        }
        if (!Files.isReadable(real)) {
            throw new HTTPForbidden();
        }
        return real;
    }
}
