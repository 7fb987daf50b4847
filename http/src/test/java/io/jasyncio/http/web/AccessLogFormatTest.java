package io.jasyncio.http.web;

import io.jasyncio.http.VirtualTimeLoop;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The access-log format directives (after aiohttp's test_web_log.py). */
@Timeout(20)
class AccessLogFormatTest {

    private static List<String> log(String format, String raw) throws Exception {
        List<String> lines = new ArrayList<>();
        Application app = new Application();
        app.router().addGet("/p", r -> Response.text("four").setHeader("X-Out", "o"));
        AccessLogger logger = AccessLogFormat.parse(format).toLogger(lines::add, Wire.CLOCK);
        VirtualTimeLoop.run(() -> {
            Wire.open(new WebServer(app, Wire.options().accessLogger(logger))).send(raw).settle();
        });
        return lines;
    }

    /** Every directive is replaced by its value; literals and %% are kept. */
    @Test
    void directives() throws Exception {
        List<String> lines = log("%a|%r|%s|%b|%{X-In}i|%{X-Out}o|%{Absent}i|%T|%D|100%%",
                "GET /p?q=1 HTTP/1.1\r\nHost: x\r\nX-In: i\r\n\r\n");
        assertThat(lines).containsExactly("127.0.0.1|GET /p?q=1 HTTP/1.1|200|4|i|o|-|0|0|100%");
    }

    /** %Tf has six decimals and %t is the arrival time in Apache's format. */
    @Test
    void timeDirectives() throws Exception {
        assertThat(log("%t %Tf", "GET /p HTTP/1.1\r\nHost: x\r\n\r\n"))
                .containsExactly("[02/Jan/2026:03:04:05 +0000] 0.000000");
    }

    /** Unknown directives and unclosed braces are refused when parsing. */
    @Test
    void badFormats() {
        assertThatThrownBy(() -> AccessLogFormat.parse("%q")).hasMessageContaining("unknown directive %q");
        assertThatThrownBy(() -> AccessLogFormat.parse("%{X")).hasMessageContaining("unclosed");
        assertThatThrownBy(() -> AccessLogFormat.parse("%{X}e")).hasMessageContaining("not supported");
        assertThatThrownBy(() -> AccessLogFormat.parse("50%")).hasMessageContaining("lone '%'");
    }
}
