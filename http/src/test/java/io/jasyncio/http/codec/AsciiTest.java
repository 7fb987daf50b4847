package io.jasyncio.http.codec;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The word-at-a-time scanners agree with a plain byte loop. */
class AsciiTest {

    private static int naiveNonField(byte[] a, int from, int to) {
        for (int i = from; i < to; i++) {
            int b = a[i] & 0xFF;
            if (!(b == '\t' || b >= 0x20 && b != 0x7F)) {
                return i;
            }
        }
        return -1;
    }

    /** Every byte value at every position of a 19-byte range, over an allowed background. */
    @Test
    void indexOfNonFieldFindsEveryForbiddenByteAtEveryPosition() {
        Random random = new Random(1);
        for (int value = 0; value < 256; value++) {
            for (int pos = 0; pos < 19; pos++) {
                byte[] a = new byte[24];
                for (int i = 0; i < a.length; i++) {
                    int b;
                    do {
                        b = random.nextInt(256);
                    } while (b < 0x20 && b != '\t' || b == 0x7F);
                    a[i] = (byte) b;
                }
                a[2 + pos] = (byte) value;
                assertThat(Ascii.indexOfNonField(a, 2, 21)).as("value %d at %d", value, pos)
                        .isEqualTo(naiveNonField(a, 2, 21));
            }
        }
    }

    /** Random bytes, including several forbidden ones per word: the first one is reported. */
    @Test
    void indexOfNonFieldReportsTheFirstOfSeveral() {
        Random random = new Random(2);
        for (int round = 0; round < 20_000; round++) {
            byte[] a = new byte[1 + random.nextInt(40)];
            for (int i = 0; i < a.length; i++) {
                a[i] = (byte) (random.nextInt(8) == 0 ? random.nextInt(0x21) : 0x20 + random.nextInt(0xE0));
            }
            int from = random.nextInt(a.length);
            assertThat(Ascii.indexOfNonField(a, from, a.length)).isEqualTo(naiveNonField(a, from, a.length));
        }
    }

    /** indexOfLf finds the first LF in heap, offset-heap and direct buffers of both byte orders. */
    @Test
    void indexOfLfFindsTheFirstLfInEveryBufferKind() {
        Random random = new Random(3);
        for (int round = 0; round < 5_000; round++) {
            byte[] a = new byte[1 + random.nextInt(40)];
            for (int i = 0; i < a.length; i++) {
                a[i] = (byte) (random.nextInt(12) == 0 ? '\n' : random.nextInt(256));
            }
            int from = random.nextInt(a.length);
            int expected = -1;
            for (int i = from; i < a.length; i++) {
                if (a[i] == '\n') {
                    expected = i;
                    break;
                }
            }
            ByteBuffer[] kinds = {
                ByteBuffer.wrap(a),
                ByteBuffer.allocate(a.length + 3).slice(3, a.length).put(a).flip(),
                ByteBuffer.allocateDirect(a.length).put(a).flip(),
                ByteBuffer.allocateDirect(a.length).order(ByteOrder.LITTLE_ENDIAN).put(a).flip(),
            };
            for (ByteBuffer in : kinds) {
                assertThat(Ascii.indexOfLf(in, from, a.length)).as("%s round %d", in, round).isEqualTo(expected);
            }
        }
    }
}
