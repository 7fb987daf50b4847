package io.jasyncio.http.body;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class MultipartWriterTest {

    private static List<BufferedPart> parseBack(MultipartWriter w) throws IOException {
        MultipartCollector c = new MultipartCollector(Long.MAX_VALUE);
        MultipartParser p = MultipartParser.forContentType(w.contentType(), c);
        ChunkSource body = w.body();
        for (ByteBuffer b = body.next(); b != null; b = body.next()) {
            p.feed(b);
        }
        p.finish();
        return c.parts();
    }

    /** A simple form is written in the expected wire format. */
    @Test
    void wireFormat() throws IOException {
        MultipartWriter w = MultipartWriter.formData("XyZ")
                .addField("a", "1")
                .addFile("f", "x.bin", null, new byte[] {7});
        assertThat(new String(w.toByteArray(), StandardCharsets.ISO_8859_1)).isEqualTo(
                "--XyZ\r\nContent-Disposition: form-data; name=\"a\"\r\n\r\n1\r\n"
                + "--XyZ\r\nContent-Disposition: form-data; name=\"f\"; filename=\"x.bin\"\r\n"
                + "Content-Type: application/octet-stream\r\n\r\n\u0007\r\n"
                + "--XyZ--\r\n");
        assertThat(w.contentType()).isEqualTo("multipart/form-data; boundary=XyZ");
    }

    /** Fields and files with awkward names and content parse back unchanged. */
    @Test
    void roundTripsThroughParser() throws IOException {
        byte[] binary = new byte[100_000];
        new Random(5).nextBytes(binary);
        MultipartWriter w = MultipartWriter.formData()
                .addField("quote\"back\\slash", "multi\r\nline --value")
                .addField("ünïcode", "välue €")
                .addFile("upload", "C:\\path\\name \"q\".bin", "application/x-thing", binary);
        List<BufferedPart> parts = parseBack(w);
        assertThat(parts).hasSize(3);
        assertThat(parts.get(0).headers().name()).contains("quote\"back\\slash");
        assertThat(parts.get(0).text()).isEqualTo("multi\r\nline --value");
        assertThat(parts.get(1).headers().name()).contains("ünïcode");
        assertThat(parts.get(1).text()).isEqualTo("välue €");
        assertThat(parts.get(2).headers().filename()).contains("C:\\path\\name \"q\".bin");
        assertThat(parts.get(2).headers().contentType()).isEqualTo("application/x-thing");
        assertThat(parts.get(2).content()).isEqualTo(binary);
    }

    /** Line breaks in a file name are percent-encoded, so they cannot break the header. */
    @Test
    void lineBreaksInNamesAreEncoded() throws IOException {
        MultipartWriter w = MultipartWriter.formData().addFile("f", "a\r\nX-Evil: 1.txt", "text/plain", new byte[0]);
        List<BufferedPart> parts = parseBack(w);
        assertThat(parts.getFirst().headers().filename()).contains("a%0D%0AX-Evil: 1.txt");
        assertThat(parts.getFirst().headers().header("X-Evil")).isEmpty();
    }

    /** The declared content length equals the bytes produced. */
    @Test
    void contentLengthIsExact() throws IOException {
        MultipartWriter w = MultipartWriter.formData().addField("a", "é").addFile("f", "n", "t/x",
                ChunkSource.of(new byte[10], new byte[5]), 15);
        assertThat(w.contentLength()).isEqualTo(w.toByteArray().length);
    }

    /** A streamed file of unknown length makes the content length unknown, and is still written. */
    @Test
    void unknownLengthStream() throws IOException {
        MultipartWriter w = MultipartWriter.formData().addFile("f", "n.txt", "text/plain",
                ChunkSource.ofInputStream(new ByteArrayInputStream("streamed".getBytes()), 3), -1);
        assertThat(w.contentLength()).isEqualTo(-1);
        assertThat(parseBack(w).getFirst().text()).isEqualTo("streamed");
    }

    /** A streamed part producing fewer or more bytes than declared fails. */
    @Test
    void declaredLengthIsEnforced() {
        MultipartWriter shortOne = MultipartWriter.formData().addFile("f", "n", null, ChunkSource.of(new byte[3]), 4);
        assertThatThrownBy(shortOne::toByteArray).isInstanceOf(IOException.class)
                .hasMessageContaining("'f' produced 3 bytes but declared 4");
        MultipartWriter longOne = MultipartWriter.formData().addFile("g", "n", null, ChunkSource.of(new byte[5]), 4);
        assertThatThrownBy(longOne::toByteArray).isInstanceOf(IOException.class)
                .hasMessageContaining("'g' produced more than 4 bytes");
    }

    /** A body with a streamed part can be produced once; an in-memory one any number of times. */
    @Test
    void streamedBodyIsSingleUse() throws IOException {
        MultipartWriter streamed = MultipartWriter.formData().addFile("f", "n", null, ChunkSource.of(new byte[1]), 1);
        streamed.body();
        assertThatThrownBy(streamed::body).isInstanceOf(IllegalStateException.class);
        MultipartWriter memory = MultipartWriter.formData().addField("a", "b");
        assertThat(memory.toByteArray()).isEqualTo(memory.toByteArray());
    }

    /** Random boundaries are 32 hex digits and differ between writers. */
    @Test
    void randomBoundaries() {
        String a = MultipartWriter.formData().boundary();
        String b = MultipartWriter.formData().boundary();
        assertThat(a).matches("[0-9a-f]{32}");
        assertThat(a).isNotEqualTo(b);
    }

    /** An explicit boundary must be valid by RFC 2046. */
    @Test
    void explicitBoundaryIsValidated() {
        assertThatThrownBy(() -> MultipartWriter.formData("has\"quote")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> MultipartWriter.formData("x".repeat(71))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> MultipartWriter.formData("trailing ")).isInstanceOf(IllegalArgumentException.class);
        assertThat(MultipartWriter.formData("a b").contentType()).isEqualTo("multipart/form-data; boundary=\"a b\"");
    }

    /** An empty form is just the close delimiter. */
    @Test
    void emptyForm() throws IOException {
        MultipartWriter w = MultipartWriter.formData("b");
        assertThat(new String(w.toByteArray(), StandardCharsets.US_ASCII)).isEqualTo("--b--\r\n");
        assertThat(parseBack(MultipartWriter.formData())).isEmpty();
    }
}
