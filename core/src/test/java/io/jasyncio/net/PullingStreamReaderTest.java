package io.jasyncio.net;

import static io.jasyncio.Asyncio.getRunningLoop;
import static java.nio.charset.StandardCharsets.US_ASCII;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jasyncio.Asyncio;
import io.jasyncio.EventLoop;
import java.io.IOException;
import java.util.ArrayDeque;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** A StreamReader that produces its bytes on demand through {@link StreamReader#pullData()}. */
@Timeout(30)
class PullingStreamReaderTest {

    /** Hands out the given pieces one per pull, suspending for a loop iteration each time, then EOF. */
    private static final class Pieces extends StreamReader {
        private final ArrayDeque<String> pieces;
        int pulls;

        Pieces(EventLoop loop, List<String> pieces) {
            super(loop);
            this.pieces = new ArrayDeque<>(pieces);
        }

        @Override
        protected boolean pullData() throws IOException {
            pulls++;
            Asyncio.sleep(0);
            String next = pieces.poll();
            if (next == null) {
                feedEof();
            } else if (next.equals("!")) {
                setException(new IOException("the source broke"));
            } else {
                feedData(next.getBytes(US_ASCII));
            }
            return true;
        }
    }

    /** A line split over three pulls comes back whole, and the reader pulls only what it needs. */
    @Test
    void readLineSpansPulls() throws Exception {
        Asyncio.run(() -> {
            Pieces r = new Pieces(getRunningLoop(), List.of("ab", "c\nd", "e\n", "never pulled"));
            assertThat(new String(r.readLine(), US_ASCII)).isEqualTo("abc\n");
            assertThat(new String(r.readLine(), US_ASCII)).isEqualTo("de\n");
            assertThat(r.pulls).isEqualTo(3);
            return null;
        });
    }

    /** read() pulls to the end; the end is then sticky. */
    @Test
    void readAllPullsUntilEof() throws Exception {
        Asyncio.run(() -> {
            Pieces r = new Pieces(getRunningLoop(), List.of("one ", "two"));
            assertThat(new String(r.read(), US_ASCII)).isEqualTo("one two");
            assertThat(r.atEof()).isTrue();
            assertThat(r.read(10)).isEmpty();
            return null;
        });
    }

    /** An error fed by a pull reaches this read and every later one. */
    @Test
    void pulledErrorIsSticky() throws Exception {
        Asyncio.run(() -> {
            Pieces r = new Pieces(getRunningLoop(), List.of("ok", "!"));
            assertThat(new String(r.read(10), US_ASCII)).isEqualTo("ok");
            assertThatThrownBy(() -> r.read(10)).isInstanceOf(IOException.class).hasMessage("the source broke");
            assertThatThrownBy(() -> r.readLine()).isInstanceOf(IOException.class).hasMessage("the source broke");
            return null;
        });
    }

    /** A second task reading while the first is inside a pull is refused, as with a waiting reader. */
    @Test
    void secondReaderDuringPullIsRefused() throws Exception {
        Asyncio.run(() -> {
            Pieces r = new Pieces(getRunningLoop(), List.of("x"));
            var first = Asyncio.createTask(() -> r.read(1));
            Asyncio.sleep(0); // first is now suspended inside pullData
            assertThatThrownBy(() -> r.read(1)).isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("already waiting");
            assertThat(new String(Asyncio.await(first), US_ASCII)).isEqualTo("x");
            return null;
        });
    }
}
