package io.jasyncio.http.encoding;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.Random;
import java.util.zip.GZIPInputStream;
import java.util.zip.InflaterInputStream;
import org.junit.jupiter.api.Test;

class ContentEncoderTest {
    private final Random random = new Random(7);
    private final byte[] data = Chunks.sample(random, 200_000);

    /** gzip output in random chunking is read back by the JDK's GZIPInputStream. */
    @Test
    void gzipReadableByJdk() throws IOException {
        byte[] gz = Chunks.encode(ContentEncoder.gzip(), Chunks.split(data, random, 5000));
        try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(gz))) {
            assertThat(in.readAllBytes()).isEqualTo(data);
        }
    }

    /** deflate output is the zlib format, read back by InflaterInputStream. */
    @Test
    void deflateIsZlibFormat() throws IOException {
        byte[] z = Chunks.encode(ContentEncoder.deflate(9), Chunks.split(data, random, 5000));
        assertThat(DeflateDecoder.isZlibHeader(z[0] & 0xff, z[1] & 0xff)).isTrue();
        try (InflaterInputStream in = new InflaterInputStream(new ByteArrayInputStream(z))) {
            assertThat(in.readAllBytes()).isEqualTo(data);
        }
    }

    /** Encoder and decoder round-trip for both codings with independent random chunking. */
    @Test
    void roundTripsInRandomChunks() throws IOException {
        for (String coding : List.of("gzip", "deflate")) {
            for (int max : new int[] {1, 100, 65_536}) {
                byte[] encoded = Chunks.encode(ContentEncoder.create(coding), Chunks.split(data, random, max));
                byte[] decoded = Chunks.decode(ContentDecoder.create(coding, Long.MAX_VALUE),
                        Chunks.split(encoded, random, max));
                assertThat(decoded).as("%s, max chunk %d", coding, max).isEqualTo(data);
            }
        }
    }

    /** Empty input still produces a valid, empty stream. */
    @Test
    void emptyInputRoundTrips() throws IOException {
        byte[] gz = Chunks.encode(ContentEncoder.gzip(), List.of());
        assertThat(Chunks.decode(ContentDecoder.gzip(10), List.of(gz))).isEmpty();
    }

    /** After flush the receiver can decode everything written so far. */
    @Test
    void flushMakesDataDecodable() throws IOException {
        ContentEncoder enc = ContentEncoder.gzip();
        ContentDecoder dec = ContentDecoder.gzip(Long.MAX_VALUE);
        ByteArrayOutputStream decoded = new ByteArrayOutputStream();
        enc.encode(ByteBuffer.wrap("event: one\n\n".getBytes()), b -> decodeInto(dec, b, decoded));
        enc.flush(b -> decodeInto(dec, b, decoded));
        assertThat(decoded.toString()).isEqualTo("event: one\n\n");
        enc.close();
        dec.close();
    }

    private static void decodeInto(ContentDecoder dec, ByteBuffer b, ByteArrayOutputStream out) {
        try {
            dec.decode(b, x -> Chunks.append(out, x));
        } catch (ContentDecodingException e) {
            throw new AssertionError(e);
        }
    }

    /** The encoder reports its coding name for the Content-Encoding header. */
    @Test
    void codingNames() {
        assertThat(ContentEncoder.create("GZIP").coding()).isEqualTo("gzip");
        assertThat(ContentEncoder.create("deflate").coding()).isEqualTo("deflate");
        assertThatThrownBy(() -> ContentEncoder.create("br")).isInstanceOf(IllegalArgumentException.class);
    }

    /** After finish the encoder refuses more input. */
    @Test
    void refusesInputAfterFinish() {
        ContentEncoder enc = ContentEncoder.deflate();
        enc.finish(b -> { });
        assertThatThrownBy(() -> enc.encode(ByteBuffer.allocate(1), b -> { })).isInstanceOf(IllegalStateException.class);
    }

    /** Compressible data actually shrinks. */
    @Test
    void compresses() {
        byte[] zeros = new byte[100_000];
        assertThat(Chunks.encode(ContentEncoder.gzip(), List.of(zeros)).length).isLessThan(1000);
    }
}
