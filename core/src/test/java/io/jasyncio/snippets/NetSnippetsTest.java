package io.jasyncio.snippets;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledOnOs;
import org.junit.jupiter.api.condition.OS;

/**
 * Runs the Javadoc examples of packages {@code io.jasyncio.net} (on the loopback interface) and
 * {@code io.jasyncio.subprocess}.
 */
class NetSnippetsTest {

    @Test
    void streams() throws Exception {
        assertThat(NetSnippets.streams()).isEqualTo("Hello World!");
        assertThat(NetSnippets.lines()).isEqualTo("hello\nworld\n");
        assertThat(NetSnippets.options()).isEqualTo("ping\n");
        assertThat(NetSnippets.streamReaderProtocol()).isEqualTo("over a hand-made stream\n");
        assertThat(NetSnippets.readErrors()).containsExactly("got 3 of 8",
                "separator beyond the limit, at 36");
    }

    @Test
    void protocolsAndTransports() throws Exception {
        assertThat(NetSnippets.protocols()).isEqualTo("Hello World!");
        assertThat(NetSnippets.flowControl()).isEqualTo("abc\n");
        assertThat(NetSnippets.bufferedProtocol()).isEqualTo(100_000L);
        assertThat(NetSnippets.datagram()).isEqualTo("ping");
    }

    @Test
    @DisabledOnOs(OS.WINDOWS)
    void subprocesses() throws Exception {
        assertThat(SubprocessSnippets.exec()).containsExactly(true, 0);
        assertThat(SubprocessSnippets.communicate()).isEqualTo("SHOUT\nhello\n0");
        assertThat(SubprocessSnippets.sort()).containsExactly("a\nb\n", 0);
        assertThat(SubprocessSnippets.stdio()).isEqualTo("out\nerr\n");
    }
}
