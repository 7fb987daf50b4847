package io.jasyncio.http.body;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class MultipartCollectorTest {

    /** Content beyond the total limit is refused. */
    @Test
    void totalLimit() {
        MultipartCollector c = new MultipartCollector(5);
        MultipartParser p = new MultipartParser("b", c, MultipartLimits.DEFAULT);
        assertThatThrownBy(() -> p.feed("--b\r\n\r\n123456\r\n--b--".getBytes(StandardCharsets.US_ASCII)))
                .isInstanceOf(BodyLimitException.class).hasMessageContaining("exceeds 5 bytes");
    }

    /** Text uses the part's charset parameter. */
    @Test
    void textUsesCharset() throws Exception {
        MultipartCollector c = new MultipartCollector(100);
        MultipartParser p = new MultipartParser("b", c, MultipartLimits.DEFAULT);
        byte[] head = "--b\r\nContent-Type: text/plain; charset=ISO-8859-1\r\n\r\n".getBytes(StandardCharsets.US_ASCII);
        p.feed(head);
        p.feed(new byte[] {(byte) 0xE9});
        p.feed("\r\n--b--".getBytes(StandardCharsets.US_ASCII));
        p.finish();
        assertThat(c.isCompleted()).isTrue();
        assertThat(c.parts().getFirst().text()).isEqualTo("é");
        assertThat(c.parts().getFirst().length()).isEqualTo(1);
    }
}
