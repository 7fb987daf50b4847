package io.jasyncio.http.codec;

import static org.assertj.core.api.Assertions.assertThat;

import io.jasyncio.http.HeaderNames;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/** The known-name table recognises names in any ASCII case and nothing else. */
class KnownHeadersTest {

    private static int find(String name) {
        byte[] b = name.getBytes(StandardCharsets.ISO_8859_1);
        int h = 0;
        for (byte x : b) {
            h = KnownHeaders.step(h, x);
        }
        return KnownHeaders.find(b, 0, b.length, h);
    }

    /** Every HeaderNames constant is known: canonical and lower-case spellings map to shared strings. */
    @Test
    void everyHeaderNamesConstantIsKnownInAnyCase() throws Exception {
        int count = 0;
        for (Field f : HeaderNames.class.getFields()) {
            if (!Modifier.isStatic(f.getModifiers()) || f.getType() != String.class) {
                continue;
            }
            String name = (String) f.get(null);
            count++;
            int k = find(name);
            assertThat(k).as(name).isGreaterThanOrEqualTo(0);
            byte[] canon = name.getBytes(StandardCharsets.ISO_8859_1);
            assertThat(KnownHeaders.name(k, canon, 0, canon.length)).isSameAs(name);
            byte[] lower = name.toLowerCase(Locale.ROOT).getBytes(StandardCharsets.ISO_8859_1);
            assertThat(KnownHeaders.name(k, lower, 0, lower.length)).isEqualTo(name.toLowerCase(Locale.ROOT));
            assertThat(find(name.toUpperCase(Locale.ROOT))).as(name).isEqualTo(k);
        }
        assertThat(count).isGreaterThan(60);
    }

    /** Unknown names, and names differing only in a non-letter tchar, are not matched (inputs are tchars only). */
    @Test
    void similarButDifferentNamesAreUnknown() {
        assertThat(find("X-Foo")).isEqualTo(-1);
        assertThat(find("Hosts")).isEqualTo(-1);
        assertThat(find("Content_Length")).isEqualTo(-1);
    }

    /** Only the framing fields have a special role. */
    @Test
    void framingFieldsHaveRoles() {
        assertThat(KnownHeaders.special(find("content-length"))).isEqualTo(KnownHeaders.CONTENT_LENGTH);
        assertThat(KnownHeaders.special(find("TRANSFER-ENCODING"))).isEqualTo(KnownHeaders.TRANSFER_ENCODING);
        assertThat(KnownHeaders.special(find("Connection"))).isEqualTo(KnownHeaders.CONNECTION);
        assertThat(KnownHeaders.special(find("upgrade"))).isEqualTo(KnownHeaders.UPGRADE);
        assertThat(KnownHeaders.special(find("Expect"))).isEqualTo(KnownHeaders.EXPECT);
        assertThat(KnownHeaders.special(find("host"))).isEqualTo(KnownHeaders.HOST);
        assertThat(KnownHeaders.special(find("Accept"))).isEqualTo(KnownHeaders.NONE);
    }
}
