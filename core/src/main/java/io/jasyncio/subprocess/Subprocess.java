package io.jasyncio.subprocess;

import io.jasyncio.Asyncio;
import io.jasyncio.Coroutine;
import io.jasyncio.EventLoop;
import io.jasyncio.Future;
import io.jasyncio.internal.net.Awaits;
import io.jasyncio.internal.process.PipeReader;
import io.jasyncio.internal.process.PipeWriter;
import io.jasyncio.internal.process.Spawner;
import io.jasyncio.net.StreamReader;
import io.jasyncio.net.StreamReaderProtocol;
import io.jasyncio.net.StreamWriter;
import java.io.File;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A child process: Python's {@code asyncio.subprocess.Process}, made by {@link #exec} and
 * {@link #shell} ({@code asyncio.create_subprocess_exec} and {@code _shell}). Its piped streams
 * are a {@link StreamWriter} ({@link #stdin()}) and {@link StreamReader}s ({@link #stdout()},
 * {@link #stderr()}); {@link #communicate(byte[])} feeds stdin, reads both outputs to their end
 * and waits for the exit; {@link #waitFor()} waits for the exit alone.
 *
 * {@snippet class=io.jasyncio.snippets.SubprocessSnippets region=exec}
 *
 * <p><b>Threads.</b> Loop context only (the loop whose task started it). The loop thread never
 * blocks on the child: starting it, reading and writing its pipes and waiting for its exit happen
 * on jasyncio's daemon threads, which hand over to the loop with {@code callSoonThreadsafe}.
 *
 * <p><b>Back-pressure.</b> A pipe that is not read stops being read once its reader holds twice
 * the limit (64 KiB by default, {@link SubprocessOptions#limit(int)}); the child then blocks
 * writing. So, as in Python, {@link #waitFor()} can wait forever for a child that writes much
 * to a pipe nobody reads: read the pipes (or use {@link #communicate()}) instead.
 *
 * <p><b>Cancellation.</b> Cancelling a task waiting in {@link #waitFor()} or
 * {@link #communicate(byte[])} does not kill the child (as in Python): call {@link #kill()} or
 * close it. Cancelling {@link #exec} while the child starts kills it.
 *
 * <p><b>Return codes</b> are Java's {@link Process#exitValue()}: on Unix a child killed by signal
 * N gives 128 + N (137 after {@link #kill()}, 143 after {@link #terminate()}), as a shell reports
 * it, where Python gives -N: Java does not tell the two apart.
 *
 * <p>{@link #close()} (try-with-resources) closes the pipes and kills the child if it still runs,
 * as CPython's subprocess transport does.
 */
public final class Subprocess implements AutoCloseable {

    /** {@link Stdio#PIPE}, as {@code asyncio.subprocess.PIPE}. */
    public static final Stdio PIPE = Stdio.PIPE;
    /** {@link Stdio#DEVNULL}, as {@code asyncio.subprocess.DEVNULL}. */
    public static final Stdio DEVNULL = Stdio.DEVNULL;
    /** {@link Stdio#STDOUT}, as {@code asyncio.subprocess.STDOUT}: stderr into stdout. */
    public static final Stdio STDOUT = Stdio.STDOUT;
    /** {@link Stdio#INHERIT}, Python's {@code None}. */
    public static final Stdio INHERIT = Stdio.INHERIT;

    /** SIGKILL. */
    public static final int SIGKILL = 9;
    /** SIGTERM. */
    public static final int SIGTERM = 15;

    /**
     * What {@link #communicate(byte[])} returns: Python's {@code (stdout_data, stderr_data)}.
     *
     * @param stdout everything the child wrote to stdout, or {@code null} if it was not a pipe
     * @param stderr everything it wrote to stderr, or {@code null} if it was not a pipe
     */
    public record Output(byte[] stdout, byte[] stderr) {
    }

    private final EventLoop loop;
    private final Process process;
    private final String description;
    private final StreamWriter stdin;
    private final PipeWriter stdinPipe;
    private final StreamReader stdout;
    private final PipeReader stdoutPipe;
    private final StreamReader stderr;
    private final PipeReader stderrPipe;
    private Integer returnCode;
    private final List<Future<Integer>> exitWaiters = new ArrayList<>(1);

    private Subprocess(EventLoop loop, Process process, SubprocessOptions options, String program) {
        this.loop = loop;
        this.process = process;
        this.description = "process " + process.pid() + " (" + program + ")";
        if (options.stdin() == Stdio.PIPE) {
            StreamReaderProtocol flow = new StreamReaderProtocol(new StreamReader(loop), loop);
            stdinPipe = new PipeWriter(loop, process.getOutputStream(), flow, "stdin of " + description);
            stdin = new StreamWriter(stdinPipe, flow, null, loop);
        } else {
            stdinPipe = null;
            stdin = null;
        }
        if (options.stdout() == Stdio.PIPE) {
            stdout = new StreamReader(loop, options.limit());
            stdoutPipe = new PipeReader(loop, process.getInputStream(), stdout, "stdout of " + description);
        } else {
            stdout = null;
            stdoutPipe = null;
        }
        if (options.stderr() == Stdio.PIPE) {
            stderr = new StreamReader(loop, options.limit());
            stderrPipe = new PipeReader(loop, process.getErrorStream(), stderr, "stderr of " + description);
        } else {
            stderr = null;
            stderrPipe = null;
        }
        process.onExit().whenComplete((p, error) -> {
            try {
                loop.callSoonThreadsafe(this::exited);
            } catch (IllegalStateException closed) {
                // the loop is gone: nobody waits
            }
        });
    }

    // ---------------------------------------------------------------- starting

    /**
     * Runs a program with the streams inherited: {@code asyncio.create_subprocess_exec(program,
     * *args)}. Suspends the calling task while the child starts.
     *
     * @param program the program (looked up on the {@code PATH} if it has no slash)
     * @param args its arguments
     * @return the running child
     * @throws IOException if it cannot be started ("Cannot run program ...")
     */
    public static Subprocess exec(String program, String... args) throws IOException {
        return exec(SubprocessOptions.defaults(), program, args);
    }

    /**
     * {@code asyncio.create_subprocess_exec(program, *args, stdin=..., stdout=..., ...)}.
     *
     * @param options the streams, directory, environment and reader limit
     * @param program the program
     * @param args its arguments
     * @return the running child
     * @throws IOException if it cannot be started
     */
    public static Subprocess exec(SubprocessOptions options, String program, String... args) throws IOException {
        List<String> command = new ArrayList<>(1 + args.length);
        command.add(Objects.requireNonNull(program, "program"));
        command.addAll(List.of(args));
        return exec(command, options);
    }

    /**
     * @param command the program and its arguments
     * @param options the streams, directory, environment and reader limit
     * @return the running child
     * @throws IOException if it cannot be started
     */
    public static Subprocess exec(List<String> command, SubprocessOptions options) throws IOException {
        Objects.requireNonNull(options, "options");
        if (command.isEmpty()) {
            throw new IllegalArgumentException("exec needs a program");
        }
        return start(new ProcessBuilder(command), options, command.get(0));
    }

    /**
     * Runs a command line through the shell, with the streams inherited:
     * {@code asyncio.create_subprocess_shell(cmd)} ({@code /bin/sh -c cmd}; {@code cmd.exe /c} on
     * Windows). Quoting the arguments is the caller's job.
     *
     * @param command the command line
     * @return the running shell
     * @throws IOException if the shell cannot be started
     */
    public static Subprocess shell(String command) throws IOException {
        return shell(command, SubprocessOptions.defaults());
    }

    /**
     * @param command the command line
     * @param options the streams, directory, environment and reader limit
     * @return the running shell
     * @throws IOException if the shell cannot be started
     */
    public static Subprocess shell(String command, SubprocessOptions options) throws IOException {
        Objects.requireNonNull(command, "command");
        Objects.requireNonNull(options, "options");
        boolean windows = File.separatorChar == '\\';
        ProcessBuilder pb = windows ? new ProcessBuilder("cmd.exe", "/c", command)
                : new ProcessBuilder("/bin/sh", "-c", command);
        return start(pb, options, windows ? "cmd.exe" : "/bin/sh");
    }

    private static Subprocess start(ProcessBuilder pb, SubprocessOptions options, String program) throws IOException {
        pb.redirectInput(switch (options.stdin()) {
            case PIPE -> ProcessBuilder.Redirect.PIPE;
            case DEVNULL -> ProcessBuilder.Redirect.from(nullDevice());
            default -> ProcessBuilder.Redirect.INHERIT;
        });
        pb.redirectOutput(output(options.stdout()));
        if (options.stderr() == Stdio.STDOUT) {
            pb.redirectErrorStream(true);
        } else {
            pb.redirectError(output(options.stderr()));
        }
        if (options.cwd() != null) {
            pb.directory(options.cwd().toFile());
        }
        if (options.env() != null) {
            pb.environment().clear();
            pb.environment().putAll(options.env());
        }
        Process p = Spawner.start(pb);
        return new Subprocess(Asyncio.getRunningLoop(), p, options, program);
    }

    private static ProcessBuilder.Redirect output(Stdio s) {
        return switch (s) {
            case PIPE -> ProcessBuilder.Redirect.PIPE;
            case DEVNULL -> ProcessBuilder.Redirect.DISCARD;
            default -> ProcessBuilder.Redirect.INHERIT;
        };
    }

    private static File nullDevice() {
        return new File(File.separatorChar == '\\' ? "NUL" : "/dev/null");
    }

    // ---------------------------------------------------------------- streams

    /** @return the child's process id */
    public long pid() {
        return process.pid();
    }

    /** @return the underlying {@link Process} (Python's {@code get_extra_info('subprocess')}) */
    public Process process() {
        return process;
    }

    /**
     * @return the writer to the child's stdin
     * @throws IllegalStateException unless stdin is {@link Stdio#PIPE}
     */
    public StreamWriter stdin() {
        if (stdin == null) {
            throw new IllegalStateException("the stdin of " + description + " is not a pipe: start it with "
                    + "SubprocessOptions.stdin(Stdio.PIPE) to write to it");
        }
        return stdin;
    }

    /**
     * @return the reader of the child's stdout
     * @throws IllegalStateException unless stdout is {@link Stdio#PIPE}
     */
    public StreamReader stdout() {
        if (stdout == null) {
            throw new IllegalStateException("the stdout of " + description + " is not a pipe: start it with "
                    + "SubprocessOptions.stdout(Stdio.PIPE) to read it");
        }
        return stdout;
    }

    /**
     * @return the reader of the child's stderr
     * @throws IllegalStateException unless stderr is {@link Stdio#PIPE} (with {@link Stdio#STDOUT}
     *     it arrives in {@link #stdout()})
     */
    public StreamReader stderr() {
        if (stderr == null) {
            throw new IllegalStateException("the stderr of " + description + " is not a pipe: start it with "
                    + "SubprocessOptions.stderr(Stdio.PIPE) to read it (with STDOUT it is in stdout())");
        }
        return stderr;
    }

    // ---------------------------------------------------------------- exit

    /** @return the exit code, or {@code null} while the child runs (Python's {@code returncode}) */
    public Integer returnCode() {
        return returnCode;
    }

    private void exited() {
        if (returnCode != null) {
            return;
        }
        returnCode = process.exitValue();
        for (Future<Integer> w : List.copyOf(exitWaiters)) {
            if (!w.done()) {
                w.setResult(returnCode);
            }
        }
        exitWaiters.clear();
        if (stdinPipe != null) {
            stdinPipe.processExited();
        }
    }

    /**
     * Suspends the task until the child exits: Python's {@code await process.wait()}. It does not
     * wait for the output pipes to reach their end (a grandchild may keep them open). A child
     * blocked writing to a full pipe that nobody reads never exits: read the pipes, or use
     * {@link #communicate()}. Cancelling the waiting task leaves the child running.
     *
     * @return the exit code
     */
    public int waitFor() {
        Integer code = returnCode;
        if (code != null) {
            return code;
        }
        Future<Integer> w = loop.createFuture();
        exitWaiters.add(w);
        try {
            return Awaits.await(w);
        } catch (IOException impossible) {
            throw new IllegalStateException(impossible);
        } finally {
            exitWaiters.remove(w);
        }
    }

    /**
     * {@link #communicate(byte[])} with no input (stdin, if a pipe, is just closed).
     *
     * @return what the child wrote
     * @throws IOException if reading a pipe failed
     */
    public Output communicate() throws IOException {
        return communicate(null);
    }

    /**
     * Python's {@code communicate(input)}: writes {@code input} to stdin and closes it, while
     * reading stdout and stderr to their end, concurrently (so a chatty child cannot deadlock
     * against a full pipe); then waits for the exit. A child that exits without reading all its
     * input is not an error (the broken pipe is ignored, as in Python). Cancelling the task stops
     * the exchange but leaves the child running.
     *
     * @param input the bytes for stdin, or {@code null}
     * @return what the child wrote to its piped outputs
     * @throws IOException if reading a pipe failed
     * @throws IllegalStateException if {@code input} is given but stdin is not a pipe
     */
    public Output communicate(byte[] input) throws IOException {
        if (input != null && stdin == null) {
            throw new IllegalStateException("communicate(input) needs the stdin of " + description
                    + " to be a pipe: start it with SubprocessOptions.stdin(Stdio.PIPE)");
        }
        Coroutine<byte[]> feed = () -> {
            if (stdin != null) {
                try {
                    if (input != null) {
                        stdin.write(input);
                        stdin.drain();
                    }
                } catch (IOException brokenPipe) {
                    // the child exited or closed its stdin: not an error here, as in Python
                }
                stdin.close();
            }
            return null;
        };
        Coroutine<byte[]> out = () -> readToEnd(stdout, stdoutPipe);
        Coroutine<byte[]> err = () -> readToEnd(stderr, stderrPipe);
        List<byte[]> results;
        try {
            results = Asyncio.gather(feed, out, err);
        } catch (IOException | RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IOException(e.getMessage(), e);
        }
        waitFor();
        return new Output(results.get(1), results.get(2));
    }

    private static byte[] readToEnd(StreamReader reader, PipeReader pipe) throws IOException {
        if (reader == null) {
            return null;
        }
        byte[] all = reader.read();
        pipe.close();
        return all;
    }

    // ---------------------------------------------------------------- signals

    /**
     * Kills the child (SIGKILL on Unix); does nothing once it has exited. Its pipes stay open, so
     * what it wrote before dying can still be read, then their end. (Through its
     * {@link ProcessHandle}: {@code Process.destroyForcibly()} would also close the pipes.)
     */
    public void kill() {
        if (returnCode == null) {
            process.toHandle().destroyForcibly();
        }
    }

    /** Asks the child to terminate (SIGTERM on Unix); does nothing once it has exited. */
    public void terminate() {
        if (returnCode == null) {
            process.toHandle().destroy();
        }
    }

    /**
     * Sends a signal, where Java can: {@link #SIGTERM} ({@link #terminate()}) and {@link #SIGKILL}
     * ({@link #kill()}). Does nothing once the child has exited.
     *
     * @param signal 15 or 9
     * @throws UnsupportedOperationException for any other signal: the JDK can send no other
     */
    public void sendSignal(int signal) {
        switch (signal) {
            case SIGKILL -> kill();
            case SIGTERM -> terminate();
            default -> throw new UnsupportedOperationException("Java can send a child process only SIGTERM (15) "
                    + "and SIGKILL (9), not signal " + signal);
        }
    }

    /**
     * Closes the pipes (stdin after what was written; the readers end now) and kills the child if
     * it still runs, as CPython's subprocess transport {@code close()}. Does not wait.
     */
    @Override
    public void close() {
        if (stdinPipe != null) {
            stdinPipe.close();
        }
        if (stdoutPipe != null) {
            stdoutPipe.close();
        }
        if (stderrPipe != null) {
            stderrPipe.close();
        }
        if (returnCode == null) {
            process.toHandle().destroyForcibly();
        }
    }

    @Override
    public String toString() {
        return "<Subprocess pid=" + process.pid() + (returnCode == null ? " running" : " returncode=" + returnCode)
                + ">";
    }
}
