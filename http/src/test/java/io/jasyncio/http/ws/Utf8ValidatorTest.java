package io.jasyncio.http.ws;

import static io.jasyncio.http.ws.Frames.hex;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class Utf8ValidatorTest {

    private static boolean jdkSaysValid(byte[] b) {
        try {
            StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(b));
            return true;
        } catch (CharacterCodingException e) {
            return false;
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"c0 80", "c1 bf", "e0 80 80", "e0 9f bf", "ed a0 80", "ed bf bf", "f0 80 80 80",
        "f0 8f bf bf", "f4 90 80 80", "f5 80 80 80", "ff", "80", "bf", "c2 41", "e2 82 41"})
    void illFormedSequenceIsRejected(String bytes) {
        assertThat(Utf8Validator.isValid(hex(bytes), 0, hex(bytes).length)).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"00", "7f", "c2 80", "df bf", "e0 a0 80", "ec bf bf", "ed 9f bf", "ee 80 80",
        "ef bf bf", "f0 90 80 80", "f3 bf bf bf", "f4 8f bf bf"})
    void boundaryCharacterIsAccepted(String bytes) {
        assertThat(Utf8Validator.isValid(hex(bytes), 0, hex(bytes).length)).isTrue();
    }

    @Test
    void incompleteSequenceIsNotComplete() {
        Utf8Validator v = new Utf8Validator();
        assertThat(v.feed(hex("61 f0 9f 98"), 0, 4)).isEqualTo(-1);
        assertThat(v.isComplete()).isFalse();
        assertThat(v.feed(hex("80"), 0, 1)).isEqualTo(-1);
        assertThat(v.isComplete()).isTrue();
    }

    @Test
    void firstBadByteIsReportedEvenInTheAsciiFastPath() {
        byte[] b = hex("61 62 63 64 65 66 67 68 69 6a 6b 6c 6d 6e 6f 70 ff 71");
        assertThat(new Utf8Validator().feed(b, 0, b.length)).isEqualTo(16);
    }

    @Test
    void agreesWithTheJdkDecoderOnRandomInputSplitAnywhere() {
        Random rnd = new Random(11);
        String[] pool = {"61", "7f", "c3 a9", "e2 82 ac", "f0 9f 98 80", "80", "c0", "ed a0", "f4 90", "ef bf bf", "ff"};
        for (int round = 0; round < 2000; round++) {
            StringBuilder sb = new StringBuilder();
            for (int i = rnd.nextInt(12); i > 0; i--) {
                sb.append(pool[rnd.nextInt(pool.length)]).append(' ');
            }
            byte[] b = hex(sb.toString());
            int cut = b.length == 0 ? 0 : rnd.nextInt(b.length + 1);
            Utf8Validator v = new Utf8Validator();
            boolean ok = v.feed(b, 0, cut) < 0 && v.feed(b, cut, b.length - cut) < 0 && v.isComplete();
            assertThat(ok).as("%s cut at %d", sb, cut).isEqualTo(jdkSaysValid(b));
        }
    }

    @Test
    void truncateCutsOnACharacterBoundary() {
        assertThat(Utf8Validator.truncate("aé€", 4)).isEqualTo("aé");
        assertThat(Utf8Validator.truncate("short", 123)).isEqualTo("short");
    }
}
