package io.jasyncio.subprocess;

import static java.nio.charset.StandardCharsets.US_ASCII;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jasyncio.Asyncio;
import io.jasyncio.net.StreamWriter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Child processes through their pipes (CPython's test_asyncio/test_subprocess.py: the echo, cat,
 * communicate, large-output, stderr and shell cases).
 */
@Timeout(30)
class SubprocessTest {

    private static final SubprocessOptions OUT = SubprocessOptions.defaults().stdout(Subprocess.PIPE);

    private static String text(byte[] b) {
        return new String(b, US_ASCII);
    }

    /** echo's output arrives on stdout, then end of file, then exit code 0. */
    @Test
    void echo() throws Exception {
        String out = Asyncio.run(() -> {
            Subprocess p = Subprocess.exec(OUT, "echo", "hello", "world");
            byte[] all = p.stdout().read();
            assertThat(p.waitFor()).isZero();
            assertThat(p.returnCode()).isZero();
            return text(all);
        });
        assertThat(out).isEqualTo("hello world\n");
    }

    /** cat echoes lines written to its stdin, one at a time, and exits at stdin's end. */
    @Test
    void catRoundTrip() throws Exception {
        String out = Asyncio.run(() -> {
            Subprocess p = Subprocess.exec(SubprocessOptions.defaults().stdin(Subprocess.PIPE).stdout(Subprocess.PIPE),
                    "cat");
            StringBuilder sb = new StringBuilder();
            for (int i = 0; i < 3; i++) {
                p.stdin().write(("line " + i + "\n").getBytes(US_ASCII));
                p.stdin().drain();
                sb.append(text(p.stdout().readLine()));
            }
            p.stdin().close();
            assertThat(p.stdout().read()).isEmpty();
            assertThat(p.waitFor()).isZero();
            return sb.toString();
        });
        assertThat(out).isEqualTo("line 0\nline 1\nline 2\n");
    }

    /** communicate(input) feeds 1 MiB through cat and gets it back whole, with an empty stderr. */
    @Test
    void communicateThroughCat() throws Exception {
        byte[] input = new byte[1 << 20];
        new Random(1).nextBytes(input);
        Subprocess.Output out = Asyncio.run(() -> {
            Subprocess p = Subprocess.exec(SubprocessOptions.pipes(), "cat");
            Subprocess.Output o = p.communicate(input);
            assertThat(p.returnCode()).isZero();
            return o;
        });
        assertThat(MessageDigest.getInstance("SHA-256").digest(out.stdout()))
                .isEqualTo(MessageDigest.getInstance("SHA-256").digest(input));
        assertThat(out.stderr()).isEmpty();
    }

    /** Several MiB on stdout and on stderr at once do not deadlock communicate. */
    @Test
    void largeOutputBothStreams() throws Exception {
        Subprocess.Output out = Asyncio.run(() -> {
            Subprocess p = Subprocess.shell("head -c 6000000 /dev/zero; head -c 5000000 /dev/zero >&2; exit 4",
                    SubprocessOptions.defaults().stdout(Subprocess.PIPE).stderr(Subprocess.PIPE));
            Subprocess.Output o = p.communicate();
            assertThat(p.returnCode()).isEqualTo(4);
            return o;
        });
        assertThat(out.stdout()).hasSize(6_000_000);
        assertThat(out.stderr()).hasSize(5_000_000);
    }

    /** stderr is its own pipe, separate from stdout. */
    @Test
    void stderrSeparate() throws Exception {
        Subprocess.Output out = Asyncio.run(() -> Subprocess.shell("echo out; echo err >&2",
                SubprocessOptions.defaults().stdout(Subprocess.PIPE).stderr(Subprocess.PIPE)).communicate());
        assertThat(text(out.stdout())).isEqualTo("out\n");
        assertThat(text(out.stderr())).isEqualTo("err\n");
    }

    /** stderr=STDOUT merges it into stdout; there is then no stderr reader. */
    @Test
    void stderrMerged() throws Exception {
        String out = Asyncio.run(() -> {
            Subprocess p = Subprocess.shell("echo out; echo err >&2; echo again",
                    SubprocessOptions.defaults().stdout(Subprocess.PIPE).stderr(Subprocess.STDOUT));
            assertThatThrownBy(p::stderr).isInstanceOf(IllegalStateException.class).hasMessageContaining("stdout()");
            Subprocess.Output o = p.communicate();
            assertThat(o.stderr()).isNull();
            return text(o.stdout());
        });
        assertThat(out).isEqualTo("out\nerr\nagain\n");
    }

    /** DEVNULL: the child reads end of file on stdin, and its output goes nowhere. */
    @Test
    void devNull() throws Exception {
        Subprocess.Output out = Asyncio.run(() -> Subprocess.shell("cat; echo done; echo lost >&2",
                SubprocessOptions.defaults().stdin(Subprocess.DEVNULL).stdout(Subprocess.PIPE)
                        .stderr(Subprocess.DEVNULL)).communicate());
        assertThat(text(out.stdout())).isEqualTo("done\n");
        assertThat(out.stderr()).isNull();
    }

    /** Exit codes come back as the child set them. */
    @Test
    void exitCodes() throws Exception {
        int[] codes = Asyncio.run(() -> new int[] {
            Subprocess.exec("true").waitFor(),
            Subprocess.exec("false").waitFor(),
            Subprocess.shell("exit 42").waitFor(),
        });
        assertThat(codes).containsExactly(0, 1, 42);
    }

    /** A shell command line with a pipe runs through /bin/sh. */
    @Test
    void shellPipeline() throws Exception {
        String out = Asyncio.run(() -> text(Subprocess.shell("printf 'b\\na\\nc\\n' | sort", OUT).communicate().stdout()));
        assertThat(out).isEqualTo("a\nb\nc\n");
    }

    /** The working directory and the whole environment are the ones given. */
    @Test
    void cwdAndEnv() throws Exception {
        Path dir = Files.createTempDirectory("jasyncio-sub").toRealPath();
        try {
            String out = Asyncio.run(() -> text(Subprocess.shell("pwd; echo \"$FOO|$HOME\"",
                    OUT.cwd(dir).env(Map.of("FOO", "bar", "PATH", "/usr/bin:/bin"))).communicate().stdout()));
            assertThat(out).isEqualTo(dir + "\nbar|\n");
        } finally {
            Files.deleteIfExists(dir);
        }
    }

    /** A program that does not exist: a clear IOException naming it. */
    @Test
    void programNotFound() throws Exception {
        Asyncio.run(() -> {
            assertThatThrownBy(() -> Subprocess.exec("no-such-program-jasyncio")).isInstanceOf(IOException.class)
                    .hasMessageContaining("no-such-program-jasyncio");
        });
    }

    /** Streams that are not pipes say how to get one. */
    @Test
    void notAPipe() throws Exception {
        Asyncio.run(() -> {
            Subprocess p = Subprocess.exec("true");
            assertThatThrownBy(p::stdin).isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("stdin(Stdio.PIPE)");
            assertThatThrownBy(p::stdout).isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("stdout(Stdio.PIPE)");
            assertThatThrownBy(() -> p.communicate("x".getBytes(US_ASCII))).isInstanceOf(IllegalStateException.class);
            assertThat(p.waitFor()).isZero();
        });
    }

    /** Starting a child suspends, so outside a task it fails at once, saying why. */
    @Test
    void outsideATask() {
        assertThatThrownBy(() -> Subprocess.exec("true")).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("inside a task");
    }

    /** A child that does not read its stdin makes drain suspend; when it dies, drain reports the broken pipe. */
    @Test
    void stdinBackPressureAndBrokenPipe() throws Exception {
        Asyncio.run(() -> {
            Subprocess p = Subprocess.exec(SubprocessOptions.defaults().stdin(Subprocess.PIPE), "sleep", "100");
            StreamWriter in = p.stdin();
            in.write(new byte[1 << 20]);
            var draining = Asyncio.createTask(in::drain);
            for (int i = 0; i < 20; i++) {
                Asyncio.sleep(0.005);
            }
            assertThat(draining.done()).isFalse();
            assertThat(in.transport().getWriteBufferSize()).isGreaterThan(64 * 1024);
            p.kill();
            assertThatThrownBy(() -> Asyncio.await(draining)).isInstanceOf(IOException.class)
                    .hasMessageContaining("Broken pipe").hasMessageContaining("stdin of process " + p.pid());
            assertThat(p.waitFor()).isEqualTo(137);
        });
    }

    /**
     * A child writing 16 MiB that nobody reads is held back: the reader stops near twice its limit
     * and the child blocks; reading then gets every byte.
     */
    @Test
    void stdoutBackPressure() throws Exception {
        long[] heldAtStall = new long[1];
        byte[] all = Asyncio.run(() -> {
            Subprocess p = Subprocess.shell("head -c 16777216 /dev/urandom | tee /dev/null", OUT);
            long last = -1;
            int still = 0;
            for (int i = 0; i < 500 && still < 5; i++) {
                Asyncio.sleep(0.01);
                still = p.stdout().buffered() == last ? still + 1 : 0;
                last = p.stdout().buffered();
            }
            heldAtStall[0] = p.stdout().buffered();
            assertThat(p.returnCode()).isNull(); // blocked writing
            byte[] got = p.stdout().read();
            assertThat(p.waitFor()).isZero();
            return got;
        });
        // Twice the limit, plus the chunk that crossed it and two in flight (64 KiB each).
        assertThat(heldAtStall[0]).isLessThanOrEqualTo(2 * 64 * 1024 + 3 * 64 * 1024);
        assertThat(all).hasSize(16 << 20);
    }
}
