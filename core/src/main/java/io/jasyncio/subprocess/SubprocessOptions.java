package io.jasyncio.subprocess;

import io.jasyncio.net.StreamReader;
import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;

/**
 * How to start a child process ({@link Subprocess#exec(java.util.List, SubprocessOptions)},
 * {@link Subprocess#shell(String, SubprocessOptions)}): Python's keyword arguments of
 * {@code create_subprocess_exec}, as an immutable value with "withers":
 * {@code SubprocessOptions.defaults().stdout(Stdio.PIPE).stderr(Stdio.STDOUT).cwd(dir)}.
 *
 * <p>Defaults (Python's): the three streams inherited ({@link Stdio#INHERIT}), this process's
 * working directory and environment, a {@link StreamReader} limit of 64 KiB for the pipes read.
 * {@link #pipes()} starts from all three as {@link Stdio#PIPE}.
 *
 * <p>Immutable and thread-safe (the environment map is copied).
 *
 * <p>For example:
 * {@snippet class=io.jasyncio.snippets.SubprocessSnippets region=communicate}
 */
public final class SubprocessOptions {

    private static final SubprocessOptions DEFAULTS = new SubprocessOptions(Stdio.INHERIT, Stdio.INHERIT, Stdio.INHERIT,
            null, null, StreamReader.DEFAULT_LIMIT);
    private static final SubprocessOptions PIPES = new SubprocessOptions(Stdio.PIPE, Stdio.PIPE, Stdio.PIPE, null,
            null, StreamReader.DEFAULT_LIMIT);

    private final Stdio stdin;
    private final Stdio stdout;
    private final Stdio stderr;
    private final Path cwd;
    private final Map<String, String> env;
    private final int limit;

    private SubprocessOptions(Stdio stdin, Stdio stdout, Stdio stderr, Path cwd, Map<String, String> env, int limit) {
        this.stdin = stdin;
        this.stdout = stdout;
        this.stderr = stderr;
        this.cwd = cwd;
        this.env = env;
        this.limit = limit;
    }

    /** @return the defaults: streams inherited, as Python's */
    public static SubprocessOptions defaults() {
        return DEFAULTS;
    }

    /** @return the defaults with stdin, stdout and stderr all {@link Stdio#PIPE} */
    public static SubprocessOptions pipes() {
        return PIPES;
    }

    /** @return where the child's stdin comes from */
    public Stdio stdin() {
        return stdin;
    }

    /**
     * @param s {@link Stdio#PIPE}, {@link Stdio#DEVNULL} or {@link Stdio#INHERIT}
     * @return a copy with that stdin
     */
    public SubprocessOptions stdin(Stdio s) {
        if (Objects.requireNonNull(s, "stdin") == Stdio.STDOUT) {
            throw new IllegalArgumentException("STDOUT is for stderr only");
        }
        return new SubprocessOptions(s, stdout, stderr, cwd, env, limit);
    }

    /** @return where the child's stdout goes */
    public Stdio stdout() {
        return stdout;
    }

    /**
     * @param s {@link Stdio#PIPE}, {@link Stdio#DEVNULL} or {@link Stdio#INHERIT}
     * @return a copy with that stdout
     */
    public SubprocessOptions stdout(Stdio s) {
        if (Objects.requireNonNull(s, "stdout") == Stdio.STDOUT) {
            throw new IllegalArgumentException("STDOUT is for stderr only");
        }
        return new SubprocessOptions(stdin, s, stderr, cwd, env, limit);
    }

    /** @return where the child's stderr goes */
    public Stdio stderr() {
        return stderr;
    }

    /**
     * @param s {@link Stdio#PIPE}, {@link Stdio#DEVNULL}, {@link Stdio#INHERIT}, or
     *     {@link Stdio#STDOUT} to merge it into stdout (then {@code Subprocess.stderr()} has nothing)
     * @return a copy with that stderr
     */
    public SubprocessOptions stderr(Stdio s) {
        return new SubprocessOptions(stdin, stdout, Objects.requireNonNull(s, "stderr"), cwd, env, limit);
    }

    /** @return the child's working directory, or {@code null} for this process's */
    public Path cwd() {
        return cwd;
    }

    /**
     * @param dir the child's working directory, or {@code null} for this process's
     * @return a copy with that directory
     */
    public SubprocessOptions cwd(Path dir) {
        return new SubprocessOptions(stdin, stdout, stderr, dir, env, limit);
    }

    /** @return the child's whole environment, or {@code null} to inherit this process's */
    public Map<String, String> env() {
        return env;
    }

    /**
     * Python's {@code env=}: the child's whole environment (nothing is inherited).
     *
     * @param environment the variables, or {@code null} to inherit this process's
     * @return a copy with that environment
     */
    public SubprocessOptions env(Map<String, String> environment) {
        return new SubprocessOptions(stdin, stdout, stderr, cwd, environment == null ? null : Map.copyOf(environment),
                limit);
    }

    /** @return the {@link StreamReader} limit of the stdout and stderr pipes */
    public int limit() {
        return limit;
    }

    /**
     * @param limit the {@link StreamReader} limit of the pipes read (Python's {@code limit=}); past
     *     twice this much unread, the pipe is no longer read and the child's writes block
     * @return a copy with that limit
     */
    public SubprocessOptions limit(int limit) {
        if (limit <= 0) {
            throw new IllegalArgumentException("limit must be positive: " + limit);
        }
        return new SubprocessOptions(stdin, stdout, stderr, cwd, env, limit);
    }

    @Override
    public String toString() {
        return "SubprocessOptions[stdin=" + stdin + ", stdout=" + stdout + ", stderr=" + stderr + ", cwd=" + cwd
                + ", env=" + (env == null ? "inherited" : env.size() + " variables") + ", limit=" + limit + "]";
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof SubprocessOptions s && stdin == s.stdin && stdout == s.stdout && stderr == s.stderr
                && Objects.equals(cwd, s.cwd) && Objects.equals(env, s.env) && limit == s.limit;
    }

    @Override
    public int hashCode() {
        return Objects.hash(stdin, stdout, stderr, cwd, env, limit);
    }
}
