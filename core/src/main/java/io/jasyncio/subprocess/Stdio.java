package io.jasyncio.subprocess;

/**
 * Where a child's standard stream goes: Python's {@code subprocess.PIPE}, {@code DEVNULL},
 * {@code STDOUT} and {@code None} (inherit). Also available as {@link Subprocess#PIPE} and so on.
 * An enum: immutable and thread-safe.
 *
 * <p>For example:
 * {@snippet class=io.jasyncio.snippets.SubprocessSnippets region=stdio}
 */
public enum Stdio {

    /** A pipe to this process: {@code stdin()} to write, {@code stdout()}/{@code stderr()} to read. */
    PIPE,

    /** The null device: the child reads end of file, or its output is discarded. */
    DEVNULL,

    /** The same stream as this process (Python's default, {@code None}). */
    INHERIT,

    /** For stderr only: into the same pipe or file as stdout ({@code stderr=subprocess.STDOUT}). */
    STDOUT
}
