package io.jasyncio.net;

import static io.jasyncio.Asyncio.await;
import static io.jasyncio.Asyncio.createTask;
import static io.jasyncio.Asyncio.getRunningLoop;
import static io.jasyncio.Asyncio.sleep;
import static java.nio.charset.StandardCharsets.US_ASCII;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jasyncio.Asyncio;
import io.jasyncio.CancelledError;
import io.jasyncio.EventLoop;
import io.jasyncio.Task;
import java.io.EOFException;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** StreamReader on its own, fed by hand (CPython's test_streams StreamTests without sockets). */
@Timeout(30)
class StreamReaderTest {

    private static byte[] b(String s) {
        return s.getBytes(US_ASCII);
    }

    private static String s(byte[] b) {
        return new String(b, US_ASCII);
    }

    /** feedData then read(n) returns at most n bytes and leaves the rest. */
    @Test
    void readReturnsAtMostNBytes() throws Exception {
        Asyncio.run(() -> {
            StreamReader r = new StreamReader(getRunningLoop());
            r.feedData(b("line1\nline2\n"));
            assertThat(s(r.read(5))).isEqualTo("line1");
            assertThat(r.buffered()).isEqualTo(7);
            assertThat(s(r.read(100))).isEqualTo("\nline2\n");
        });
    }

    /** read(0) returns an empty array at once, even with nothing buffered. */
    @Test
    void readZeroReturnsEmptyAtOnce() throws Exception {
        Asyncio.run(() -> {
            StreamReader r = new StreamReader(getRunningLoop());
            assertThat(r.read(0)).isEmpty();
        });
    }

    /** read waits until data is fed, then returns it. */
    @Test
    void readWaitsForData() throws Exception {
        Asyncio.run(() -> {
            EventLoop loop = getRunningLoop();
            StreamReader r = new StreamReader(loop);
            loop.callSoon(() -> r.feedData(b("chunk")));
            assertThat(s(r.read(100))).isEqualTo("chunk");
        });
    }

    /** At EOF, read returns what is left, then empty arrays. */
    @Test
    void readReturnsEmptyArrayAtEof() throws Exception {
        Asyncio.run(() -> {
            StreamReader r = new StreamReader(getRunningLoop());
            r.feedData(b("tail"));
            r.feedEof();
            assertThat(r.atEof()).isFalse();
            assertThat(s(r.read(100))).isEqualTo("tail");
            assertThat(r.atEof()).isTrue();
            assertThat(r.read(100)).isEmpty();
            assertThat(r.read(100)).isEmpty();
        });
    }

    /** A reader waiting when EOF arrives gets an empty array. */
    @Test
    void waitingReadGetsEmptyArrayOnEof() throws Exception {
        Asyncio.run(() -> {
            EventLoop loop = getRunningLoop();
            StreamReader r = new StreamReader(loop);
            loop.callSoon(r::feedEof);
            assertThat(r.read(10)).isEmpty();
        });
    }

    /** read() reads everything until EOF, across many feeds larger than the limit. */
    @Test
    void readWithoutSizeReadsToEof() throws Exception {
        Asyncio.run(() -> {
            EventLoop loop = getRunningLoop();
            StreamReader r = new StreamReader(loop, 4);
            Task<Void> feeder = createTask(() -> {
                for (int i = 0; i < 5; i++) {
                    r.feedData(b("chunk" + i + ";"));
                    sleep(0);
                }
                r.feedEof();
            });
            assertThat(s(r.read())).isEqualTo("chunk0;chunk1;chunk2;chunk3;chunk4;");
            await(feeder);
        });
    }

    /** readLine returns one line with its newline, joining data fed in pieces. */
    @Test
    void readLineJoinsPieces() throws Exception {
        Asyncio.run(() -> {
            EventLoop loop = getRunningLoop();
            StreamReader r = new StreamReader(loop);
            r.feedData(b("chunk1 "));
            loop.callSoon(() -> {
                r.feedData(b("chunk2 "));
                loop.callSoon(() -> r.feedData(b("chunk3\nrest")));
            });
            assertThat(s(r.readLine())).isEqualTo("chunk1 chunk2 chunk3\n");
            assertThat(r.buffered()).isEqualTo(4);
        });
    }

    /** At EOF readLine returns the incomplete last line, then empty arrays. */
    @Test
    void readLineAtEofReturnsPartialLine() throws Exception {
        Asyncio.run(() -> {
            StreamReader r = new StreamReader(getRunningLoop());
            r.feedData(b("some data"));
            r.feedEof();
            assertThat(s(r.readLine())).isEqualTo("some data");
            assertThat(r.readLine()).isEmpty();
        });
    }

    /** A line longer than the limit raises LimitOverrunError and is discarded, with its newline. */
    @Test
    void readLineOverLimitDiscardsTheLine() throws Exception {
        Asyncio.run(() -> {
            StreamReader r = new StreamReader(getRunningLoop(), 7);
            r.feedData(b("1234567890\nok\n"));
            assertThatThrownBy(r::readLine).isInstanceOf(LimitOverrunError.class);
            assertThat(s(r.readLine())).isEqualTo("ok\n");
        });
    }

    /** A line with no newline yet that outgrows the limit clears the buffer. */
    @Test
    void readLineOverLimitWithoutNewlineClearsBuffer() throws Exception {
        Asyncio.run(() -> {
            StreamReader r = new StreamReader(getRunningLoop(), 7);
            r.feedData(b("12345678901234"));
            assertThatThrownBy(r::readLine).isInstanceOf(LimitOverrunError.class)
                    .hasMessageContaining("Separator is not found");
            assertThat(r.buffered()).isZero();
        });
    }

    /** readExactly returns exactly n bytes, waiting for more feeds as needed. */
    @Test
    void readExactlyWaitsForAllBytes() throws Exception {
        Asyncio.run(() -> {
            EventLoop loop = getRunningLoop();
            StreamReader r = new StreamReader(loop);
            r.feedData(b("abc"));
            loop.callSoon(() -> loop.callSoon(() -> r.feedData(b("defgh"))));
            assertThat(s(r.readExactly(6))).isEqualTo("abcdef");
            assertThat(s(r.readExactly(2))).isEqualTo("gh");
        });
    }

    /** readExactly at EOF raises IncompleteReadError, an EOFException carrying the partial bytes. */
    @Test
    void readExactlyAtEofRaisesIncompleteReadErrorWithPartial() throws Exception {
        Asyncio.run(() -> {
            StreamReader r = new StreamReader(getRunningLoop());
            r.feedData(b("abc"));
            r.feedEof();
            assertThatThrownBy(() -> r.readExactly(10))
                    .isInstanceOf(EOFException.class)
                    .isInstanceOfSatisfying(IncompleteReadError.class, e -> {
                        assertThat(s(e.partial())).isEqualTo("abc");
                        assertThat(e.expected()).isEqualTo(10);
                    })
                    .hasMessage("3 bytes read on a total of 10 expected bytes");
            assertThat(r.buffered()).isZero();
        });
    }

    /** readExactly of more than the limit works: waiting resumes a paused transport. */
    @Test
    void readExactlyLargerThanLimit() throws Exception {
        Asyncio.run(() -> {
            EventLoop loop = getRunningLoop();
            StreamReader r = new StreamReader(loop, 2);
            FakeReadTransport t = new FakeReadTransport();
            r.setTransport(t);
            r.feedData(b("12345"));
            assertThat(t.isReading()).isFalse();
            loop.callSoon(() -> r.feedData(b("67")));
            assertThat(s(r.readExactly(7))).isEqualTo("1234567");
            assertThat(t.isReading()).isTrue();
        });
    }

    /** readUntil returns up to and including the separator. */
    @Test
    void readUntilReturnsChunkWithSeparator() throws Exception {
        Asyncio.run(() -> {
            StreamReader r = new StreamReader(getRunningLoop());
            r.feedData(b("lineAAA"));
            r.feedData(b("lineBBBAAA"));
            assertThat(s(r.readUntil(b("AAA")))).isEqualTo("lineAAA");
            assertThat(s(r.readUntil(b("AAA")))).isEqualTo("lineBBBAAA");
        });
    }

    /** With several separators, readUntil stops at the one that ends the shortest chunk. */
    @Test
    void readUntilWithSeveralSeparatorsTakesShortestChunk() throws Exception {
        Asyncio.run(() -> {
            StreamReader r = new StreamReader(getRunningLoop());
            r.feedData(b("abc\r\ndef\n"));
            assertThat(s(r.readUntil(List.of(b("\n"), b("\r\n"))))).isEqualTo("abc\r\n");
            assertThat(s(r.readUntil(List.of(b("\n"), b("\r\n"))))).isEqualTo("def\n");
        });
    }

    /** A separator beyond the limit raises LimitOverrunError and leaves the data buffered. */
    @Test
    void readUntilOverLimitLeavesData() throws Exception {
        Asyncio.run(() -> {
            StreamReader r = new StreamReader(getRunningLoop(), 3);
            r.feedData(b("12345!"));
            assertThatThrownBy(() -> r.readUntil(b("!")))
                    .isInstanceOfSatisfying(LimitOverrunError.class, e -> assertThat(e.consumed()).isEqualTo(5))
                    .hasMessageContaining("Separator is found, but chunk is longer than limit");
            assertThat(r.buffered()).isEqualTo(6);
            assertThat(s(r.readExactly(6))).isEqualTo("12345!");
        });
    }

    /** readUntil at EOF without the separator raises IncompleteReadError with the whole buffer. */
    @Test
    void readUntilAtEofRaisesIncompleteReadError() throws Exception {
        Asyncio.run(() -> {
            StreamReader r = new StreamReader(getRunningLoop());
            r.feedData(b("no separator"));
            r.feedEof();
            assertThatThrownBy(() -> r.readUntil(b("\n")))
                    .isInstanceOfSatisfying(IncompleteReadError.class, e -> {
                        assertThat(s(e.partial())).isEqualTo("no separator");
                        assertThat(e.expected()).isEqualTo(-1);
                    });
        });
    }

    /** An empty separator is rejected. */
    @Test
    void readUntilRejectsEmptySeparator() throws Exception {
        Asyncio.run(() -> {
            StreamReader r = new StreamReader(getRunningLoop());
            assertThatThrownBy(() -> r.readUntil(new byte[0])).isInstanceOf(IllegalArgumentException.class);
        });
    }

    /** A second task reading while one waits is refused, as CPython's RuntimeError. */
    @Test
    void secondConcurrentReaderIsRefused() throws Exception {
        Asyncio.run(() -> {
            StreamReader r = new StreamReader(getRunningLoop());
            Task<byte[]> first = createTask(() -> r.read(10));
            sleep(0);
            assertThatThrownBy(() -> r.read(10)).isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("already waiting");
            r.feedData(b("x"));
            assertThat(s(await(first))).isEqualTo("x");
        });
    }

    /** After setException, a waiting read and every later read throw that exception. */
    @Test
    void setExceptionFailsWaitingAndLaterReads() throws Exception {
        Asyncio.run(() -> {
            StreamReader r = new StreamReader(getRunningLoop());
            IOException boom = new IOException("reset");
            Task<byte[]> waiting = createTask(() -> r.read(10));
            sleep(0);
            r.setException(boom);
            assertThatThrownBy(() -> await(waiting)).isSameAs(boom);
            assertThatThrownBy(() -> r.readLine()).isSameAs(boom);
            assertThat(r.exception()).isSameAs(boom);
        });
    }

    /** A read cancelled while waiting raises CancelledError and loses no data. */
    @Test
    void cancelledReadKeepsData() throws Exception {
        Asyncio.run(() -> {
            StreamReader r = new StreamReader(getRunningLoop());
            Task<byte[]> t = createTask(() -> r.readExactly(4));
            r.feedData(b("ab"));
            sleep(0);
            t.cancel();
            assertThatThrownBy(() -> await(t)).isInstanceOf(CancelledError.class);
            r.feedData(b("cd"));
            assertThat(s(r.readExactly(4))).isEqualTo("abcd");
        });
    }

    /** More than twice the limit buffered pauses the transport; reading down to the limit resumes it. */
    @Test
    void bufferAboveTwiceTheLimitPausesTransportUntilDrained() throws Exception {
        Asyncio.run(() -> {
            StreamReader r = new StreamReader(getRunningLoop(), 10);
            FakeReadTransport t = new FakeReadTransport();
            r.setTransport(t);
            r.feedData(new byte[20]);
            assertThat(t.isReading()).isTrue();
            r.feedData(new byte[1]);
            assertThat(t.isReading()).isFalse();
            r.read(5);
            assertThat(t.isReading()).isFalse();
            r.read(6);
            assertThat(r.buffered()).isEqualTo(10);
            assertThat(t.isReading()).isTrue();
            assertThat(t.calls).containsExactly("pause", "resume");
        });
    }

    /** read(n) of exactly one arrived chunk hands out that chunk's bytes unchanged. */
    @Test
    void readOfExactlyOneChunkReturnsItsBytes() throws Exception {
        Asyncio.run(() -> {
            StreamReader r = new StreamReader(getRunningLoop());
            byte[] chunk = b("0123456789");
            r.feedData(chunk);
            assertThat(r.read(10)).isEqualTo(b("0123456789"));
            assertThat(r.buffered()).isZero();
        });
    }

    /** A transport double that records pause and resume calls. */
    static final class FakeReadTransport implements ReadTransport {
        final List<String> calls = new ArrayList<>();
        private boolean reading = true;

        @Override
        public boolean isReading() {
            return reading;
        }

        @Override
        public void pauseReading() {
            calls.add("pause");
            reading = false;
        }

        @Override
        public void resumeReading() {
            calls.add("resume");
            reading = true;
        }

        @Override
        public Object getExtraInfo(String name, Object defaultValue) {
            return defaultValue;
        }

        @Override
        public boolean isClosing() {
            return false;
        }

        @Override
        public void close() {
        }

        @Override
        public void setProtocol(BaseProtocol protocol) {
        }

        @Override
        public BaseProtocol getProtocol() {
            return null;
        }
    }
}
