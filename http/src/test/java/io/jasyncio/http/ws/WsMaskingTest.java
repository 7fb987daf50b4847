package io.jasyncio.http.ws;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import org.junit.jupiter.api.Test;

class WsMaskingTest {

    @Test
    void wideMaskingMatchesBytewiseForEveryOffsetLengthAndPhase() {
        Random rnd = new Random(5);
        int key = 0x37fa213d;
        for (int off = 0; off < 9; off++) {
            for (int len = 0; len < 40; len++) {
                for (int phase = 0; phase < 4; phase++) {
                    byte[] data = new byte[off + len + 3];
                    rnd.nextBytes(data);
                    byte[] expected = data.clone();
                    for (int i = 0; i < len; i++) {
                        expected[off + i] ^= (byte) (key >>> (24 - 8 * ((phase + i) & 3)));
                    }
                    WsMasking.mask(data, off, len, key, phase);
                    assertThat(data).as("off %d len %d phase %d", off, len, phase).isEqualTo(expected);
                }
            }
        }
    }
}
