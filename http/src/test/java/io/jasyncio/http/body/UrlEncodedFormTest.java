package io.jasyncio.http.body;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jasyncio.http.url.Query;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class UrlEncodedFormTest {

    /** A form encodes to ASCII and decodes back to the same fields. */
    @Test
    void roundTrips() throws BodyLimitException {
        Query form = Query.of("name", "Zoë & co", "tags", "a+b", "tags", "c=d");
        byte[] body = UrlEncodedForm.encode(form);
        assertThat(new String(body, StandardCharsets.US_ASCII)).isEqualTo("name=Zo%C3%AB+%26+co&tags=a%2Bb&tags=c%3Dd");
        assertThat(UrlEncodedForm.decode(body)).isEqualTo(form);
    }

    /** Raw UTF-8 from a careless client survives decoding. */
    @Test
    void rawUtf8Survives() throws BodyLimitException {
        assertThat(UrlEncodedForm.decode("q=été".getBytes(StandardCharsets.UTF_8)).get("q")).contains("été");
    }

    /** Escapes are read as octets of the given charset. */
    @Test
    void decodesInCharset() throws BodyLimitException {
        assertThat(UrlEncodedForm.decode("q=%E9".getBytes(), StandardCharsets.ISO_8859_1, 10).get("q")).contains("é");
    }

    /** More fields than allowed are refused; empty pieces do not count. */
    @Test
    void fieldLimit() throws BodyLimitException {
        assertThat(UrlEncodedForm.decode("a=1&&b=2&".getBytes(), StandardCharsets.UTF_8, 2).size()).isEqualTo(2);
        assertThatThrownBy(() -> UrlEncodedForm.decode("a=1&b=2&c=3".getBytes(), StandardCharsets.UTF_8, 2))
                .isInstanceOf(BodyLimitException.class).hasMessageContaining("more than 2 fields");
    }
}
