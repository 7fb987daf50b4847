package io.jasyncio.cli.snippets;

import io.jasyncio.cli.Main;
import java.nio.file.Path;

/** The example in the Javadoc of {@link Main}; {@code CliSnippetsTest} runs it. */
public final class CliSnippets {

    private CliSnippets() {
    }

    /**
     * @param baseUrl an http:// server with /index.html
     * @param downloads where to save
     * @return the exit code
     */
    public static int fetch(String baseUrl, Path downloads) {
        // @start region="main"
        // From a shell: java -jar jasyncio.jar fetch -c 2 -o downloads http://host/index.html
        // or from Java, which returns the exit code instead of exiting:
        int code = Main.execute("fetch", "--concurrency", "2", "--output", downloads.toString(),
                baseUrl + "/index.html");
        if (code != 0) {
            // 1: a download failed (the message names its cause); 2: bad arguments (usage printed)
            System.err.println("fetch failed with exit code " + code);
        }
        // other subcommands: serve --port 8000, echo --port 8888, bench -c 64 -d 10 URL, help
        // @end
        return code;
    }
}
