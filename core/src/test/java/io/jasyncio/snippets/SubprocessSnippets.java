package io.jasyncio.snippets;

import static io.jasyncio.Asyncio.run;

import io.jasyncio.subprocess.Stdio;
import io.jasyncio.subprocess.Subprocess;
import io.jasyncio.subprocess.SubprocessOptions;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * The examples in the Javadoc of package {@code io.jasyncio.subprocess};
 * {@code SubprocessSnippetsTest} runs them (they need a Unix shell).
 */
public final class SubprocessSnippets {

    private SubprocessSnippets() {
    }

    static List<Object> exec() throws Exception {
        return run(() -> {
            // @start region="exec"
            Subprocess p = Subprocess.exec(SubprocessOptions.defaults().stdout(Subprocess.PIPE), "ls", "-l");
            byte[] listing = p.stdout().read();      // to the end
            int code = p.waitFor();
            // @end
            return List.<Object>of(listing.length > 0, code);
        });
    }

    static String communicate() throws Exception {
        return run(() -> {
            // @start region="communicate"
            SubprocessOptions opts = SubprocessOptions.pipes()          // stdin, stdout and stderr piped
                    .cwd(Path.of(System.getProperty("java.io.tmpdir")))
                    .env(Map.of("GREETING", "hello"));
            try (Subprocess p = Subprocess.shell("tr a-z A-Z; echo \"$GREETING\" >&2", opts)) {
                Subprocess.Output out = p.communicate("shout\n".getBytes(StandardCharsets.UTF_8));
                String upper = new String(out.stdout(), StandardCharsets.UTF_8);   // "SHOUT\n"
                String err = new String(out.stderr(), StandardCharsets.UTF_8);     // "hello\n"
                return upper + err + p.returnCode();
            }
            // @end
        });
    }

    static List<Object> sort() throws Exception {
        return run(() -> {
            // @start region="sort"
            Subprocess p = Subprocess.exec(SubprocessOptions.pipes(), "sort");
            Subprocess.Output out = p.communicate("b\na\n".getBytes(StandardCharsets.UTF_8));
            // out.stdout() is "a\nb\n"; p.returnCode() is 0
            // @end
            return List.<Object>of(new String(out.stdout(), StandardCharsets.UTF_8), p.returnCode());
        });
    }

    static String stdio() throws Exception {
        return run(() -> {
            // @start region="stdio"
            SubprocessOptions merged = SubprocessOptions.defaults()
                    .stdin(Stdio.DEVNULL)        // the child reads end of file
                    .stdout(Stdio.PIPE)
                    .stderr(Stdio.STDOUT);       // stderr into the same pipe: 2>&1
            Subprocess p = Subprocess.shell("echo out; echo err >&2", merged);
            String both = new String(p.stdout().read(), StandardCharsets.UTF_8);
            p.waitFor();
            // @end
            return both;
        });
    }
}
