package io.jasyncio.http.mime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ContentDispositionTest {

    /** The name and filename of a form-data part are read. */
    @Test
    void parsesFormData() {
        ContentDisposition d = ContentDisposition.parse("form-data; name=\"file\"; filename=\"a b.txt\"");
        assertThat(d.type()).isEqualTo("form-data");
        assertThat(d.name()).contains("file");
        assertThat(d.filename()).contains("a b.txt");
    }

    /** filename* (RFC 8187) wins over filename. */
    @Test
    void prefersExtendedFilename() {
        ContentDisposition d = ContentDisposition.parse(
                "attachment; filename=\"EURO rates\"; filename*=utf-8''%e2%82%ac%20rates");
        assertThat(d.filename()).contains("€ rates");
    }

    /** An undecodable filename* falls back to filename. */
    @Test
    void fallsBackWhenExtendedFilenameIsInvalid() {
        ContentDisposition d = ContentDisposition.parse("attachment; filename=a.txt; filename*=koi8-r''x");
        assertThat(d.filename()).contains("a.txt");
    }

    /** A backslash before an ordinary character is kept, so Windows paths survive. */
    @Test
    void keepsBackslashBeforeOrdinaryCharacter() {
        ContentDisposition d = ContentDisposition.parse("form-data; name=f; filename=\"C:\\dir\\a.txt\"");
        assertThat(d.filename()).contains("C:\\dir\\a.txt");
    }

    /** Formatting escapes quotes and backslashes and percent-encodes line breaks; parsing undoes the escapes. */
    @Test
    void formatsAndParsesAwkwardNames() {
        ContentDisposition d = ContentDisposition.formData("a\"b\\c", "x\r\ny.txt");
        assertThat(d).hasToString("form-data; name=\"a\\\"b\\\\c\"; filename=\"x%0D%0Ay.txt\"");
        assertThat(ContentDisposition.parse(d.toString()).name()).contains("a\"b\\c");
    }

    /** An attachment with a non-ASCII name gets an ASCII fallback and a filename* that decodes back. */
    @Test
    void attachmentAddsExtendedFilename() {
        ContentDisposition d = ContentDisposition.attachment("résumé.pdf");
        assertThat(d.toString()).isEqualTo(
                "attachment; filename=\"r?sum?.pdf\"; filename*=UTF-8''r%C3%A9sum%C3%A9.pdf");
        assertThat(ContentDisposition.parse(d.toString()).filename()).contains("résumé.pdf");
    }

    /** A value without a disposition type is a clear error. */
    @Test
    void rejectsMissingType() {
        assertThatThrownBy(() -> ContentDisposition.parse("; name=x"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("disposition type");
    }
}
