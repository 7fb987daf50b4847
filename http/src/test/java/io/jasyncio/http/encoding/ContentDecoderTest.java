package io.jasyncio.http.encoding;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.zip.Deflater;
import java.util.zip.DeflaterOutputStream;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;

class ContentDecoderTest {
    private static final long NO_LIMIT = Long.MAX_VALUE;
    private final Random random = new Random(20240611);
    private final byte[] data = Chunks.sample(random, 300_000);

    private static byte[] jdkGzip(byte[] in) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
            gz.write(in);
        }
        return out.toByteArray();
    }

    private static byte[] jdkZlib(byte[] in) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (DeflaterOutputStream z = new DeflaterOutputStream(out)) {
            z.write(in);
        }
        return out.toByteArray();
    }

    private static byte[] rawDeflate(byte[] in) {
        Deflater d = new Deflater(Deflater.DEFAULT_COMPRESSION, true);
        d.setInput(in);
        d.finish();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buf = new byte[8192];
        while (!d.finished()) {
            out.write(buf, 0, d.deflate(buf));
        }
        d.end();
        return out.toByteArray();
    }

    /** gzip from the JDK decodes to the original whatever the chunking, down to single bytes. */
    @Test
    void gzipDecodesInAnyChunking() throws IOException {
        byte[] gz = jdkGzip(data);
        for (int max : new int[] {1, 7, 1000, 70_000}) {
            assertThat(Chunks.decode(ContentDecoder.gzip(NO_LIMIT), Chunks.split(gz, random, max)))
                    .as("max chunk %d", max).isEqualTo(data);
        }
    }

    /** zlib-wrapped deflate decodes in random chunking. */
    @Test
    void zlibDeflateDecodesInAnyChunking() throws IOException {
        byte[] z = jdkZlib(data);
        for (int max : new int[] {1, 13, 5000}) {
            assertThat(Chunks.decode(ContentDecoder.deflate(NO_LIMIT), Chunks.split(z, random, max))).isEqualTo(data);
        }
    }

    /** Raw deflate (no zlib header), as some servers send, decodes in random chunking. */
    @Test
    void rawDeflateDecodesInAnyChunking() throws IOException {
        byte[] raw = rawDeflate(data);
        for (int max : new int[] {1, 13, 5000}) {
            assertThat(Chunks.decode(ContentDecoder.deflate(NO_LIMIT), Chunks.split(raw, random, max))).isEqualTo(data);
        }
    }

    /** The zlib header check tells the two deflate flavours apart. */
    @Test
    void zlibHeaderDetection() {
        assertThat(DeflateDecoder.isZlibHeader(0x78, 0x9c)).isTrue();
        assertThat(DeflateDecoder.isZlibHeader(0x78, 0x01)).isTrue();
        assertThat(DeflateDecoder.isZlibHeader(0x78, 0x9d)).isFalse();
        assertThat(DeflateDecoder.isZlibHeader(0xed, 0xbd)).isFalse();
    }

    /** Optional gzip header fields (extra, name, comment, header CRC) are skipped byte by byte. */
    @Test
    void gzipOptionalHeaderFields() throws IOException {
        byte[] body = Arrays.copyOfRange(jdkGzip(data), 10, jdkGzip(data).length);
        ByteArrayOutputStream header = new ByteArrayOutputStream();
        header.writeBytes(new byte[] {0x1f, (byte) 0x8b, 8, 2 | 4 | 8 | 16, 0, 0, 0, 0, 0, 3});
        header.writeBytes(new byte[] {3, 0, 'a', 'b', 'c'});
        header.writeBytes("name.txt\0".getBytes());
        header.writeBytes("a comment\0".getBytes());
        java.util.zip.CRC32 crc = new java.util.zip.CRC32();
        crc.update(header.toByteArray());
        header.write((int) crc.getValue() & 0xff);
        header.write((int) (crc.getValue() >> 8) & 0xff);
        header.writeBytes(body);
        assertThat(Chunks.decode(ContentDecoder.gzip(NO_LIMIT), Chunks.split(header.toByteArray(), random, 3)))
                .isEqualTo(data);
    }

    /** A wrong header CRC is reported. */
    @Test
    void gzipHeaderCrcMismatch() {
        byte[] bad = {0x1f, (byte) 0x8b, 8, 2, 0, 0, 0, 0, 0, 3, 0, 0};
        assertThatThrownBy(() -> Chunks.decode(ContentDecoder.gzip(NO_LIMIT), List.of(bad)))
                .isInstanceOf(ContentDecodingException.class).hasMessageContaining("header CRC");
    }

    /** Concatenated gzip members decode to the concatenation. */
    @Test
    void gzipMultipleMembers() throws IOException {
        byte[] a = jdkGzip("hello ".getBytes());
        byte[] b = jdkGzip("world".getBytes());
        byte[] both = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, both, a.length, b.length);
        assertThat(new String(Chunks.decode(ContentDecoder.gzip(NO_LIMIT), Chunks.split(both, random, 4))))
                .isEqualTo("hello world");
    }

    /** Bytes after the last member that do not start a member are ignored. */
    @Test
    void gzipTrailingGarbageIgnored() throws IOException {
        byte[] gz = jdkGzip("x".getBytes());
        byte[] withJunk = Arrays.copyOf(gz, gz.length + 5);
        assertThat(Chunks.decode(ContentDecoder.gzip(NO_LIMIT), List.of(withJunk))).containsExactly('x');
    }

    /** A gzip stream cut short fails at finish. */
    @Test
    void truncatedGzipFails() throws IOException {
        byte[] gz = jdkGzip(data);
        byte[] cut = Arrays.copyOf(gz, gz.length - 3);
        assertThatThrownBy(() -> Chunks.decode(ContentDecoder.gzip(NO_LIMIT), List.of(cut)))
                .isInstanceOf(ContentDecodingException.class).hasMessageContaining("truncated gzip");
    }

    /** A truncated deflate stream fails at finish. */
    @Test
    void truncatedDeflateFails() throws IOException {
        byte[] z = jdkZlib(data);
        byte[] cut = Arrays.copyOf(z, z.length / 2);
        assertThatThrownBy(() -> Chunks.decode(ContentDecoder.deflate(NO_LIMIT), List.of(cut)))
                .isInstanceOf(ContentDecodingException.class).hasMessageContaining("truncated deflate");
    }

    /** A flipped bit in the CRC-32 trailer is detected. */
    @Test
    void gzipCrcMismatch() throws IOException {
        byte[] gz = jdkGzip(data);
        gz[gz.length - 8] ^= 1;
        assertThatThrownBy(() -> Chunks.decode(ContentDecoder.gzip(NO_LIMIT), List.of(gz)))
                .isInstanceOf(ContentDecodingException.class).hasMessageContaining("CRC-32 mismatch");
    }

    /** Data without the gzip magic bytes is refused. */
    @Test
    void notGzip() {
        assertThatThrownBy(() -> Chunks.decode(ContentDecoder.gzip(NO_LIMIT), List.of("plain text".getBytes())))
                .isInstanceOf(ContentDecodingException.class).hasMessageContaining("not in gzip format");
    }

    /** Corrupt deflate data is reported as such. */
    @Test
    void corruptDeflate() {
        byte[] junk = {0x78, (byte) 0x9c, (byte) 0xff, (byte) 0xff, (byte) 0xff, 0x00};
        assertThatThrownBy(() -> Chunks.decode(ContentDecoder.deflate(NO_LIMIT), List.of(junk)))
                .isInstanceOf(ContentDecodingException.class).hasMessageContaining("corrupt deflate data");
    }

    /** An empty body decodes to nothing for every coding. */
    @Test
    void emptyBodyDecodesToNothing() throws ContentDecodingException {
        assertThat(Chunks.decode(ContentDecoder.gzip(NO_LIMIT), List.of())).isEmpty();
        assertThat(Chunks.decode(ContentDecoder.deflate(NO_LIMIT), List.of())).isEmpty();
    }

    /** A decompression bomb stops at the limit with a clear error and no output beyond it. */
    @Test
    void bombGuardStopsAtLimit() throws IOException {
        byte[] bomb = jdkGzip(new byte[16 << 20]); // 16 MiB of zeros, about 16 KiB compressed
        assertThat(bomb.length).isLessThan(64 * 1024);
        long limit = 1 << 20;
        ContentDecoder d = ContentDecoder.gzip(limit);
        long[] delivered = {0};
        assertThatThrownBy(() -> {
            for (byte[] c : Chunks.split(bomb, random, 4096)) {
                d.decode(ByteBuffer.wrap(c), b -> delivered[0] += b.remaining());
            }
        }).isInstanceOf(DecodedSizeExceededException.class).hasMessageContaining("exceeds the limit of 1048576 bytes");
        assertThat(delivered[0]).isLessThanOrEqualTo(limit);
        d.close();
    }

    /** Output of exactly the limit is allowed. */
    @Test
    void outputEqualToLimitIsAllowed() throws IOException {
        byte[] gz = jdkGzip(new byte[100_000]);
        assertThat(Chunks.decode(ContentDecoder.gzip(100_000), List.of(gz))).hasSize(100_000);
    }

    /** The guard also applies to raw deflate. */
    @Test
    void bombGuardOnDeflate() {
        byte[] bomb = rawDeflate(new byte[4 << 20]);
        assertThatThrownBy(() -> Chunks.decode(ContentDecoder.deflate(1000), List.of(bomb)))
                .isInstanceOf(DecodedSizeExceededException.class);
    }

    /** Output buffers never exceed the documented chunk size. */
    @Test
    void outputChunksAreBounded() throws IOException {
        byte[] gz = jdkGzip(new byte[1 << 20]);
        ContentDecoder d = ContentDecoder.gzip(NO_LIMIT);
        int[] largest = {0};
        d.decode(ByteBuffer.wrap(gz), b -> largest[0] = Math.max(largest[0], b.remaining()));
        d.finish(b -> { });
        assertThat(largest[0]).isPositive().isLessThanOrEqualTo(ContentDecoder.OUTPUT_CHUNK);
        assertThat(d.decodedSize()).isEqualTo(1 << 20);
    }

    /** A list of codings is undone in reverse order of application. */
    @Test
    void chainedCodings() throws IOException {
        byte[] twice = jdkGzip(jdkZlib(data)); // deflate applied first, then gzip
        ContentDecoder d = ContentDecoder.create("deflate, gzip", NO_LIMIT);
        assertThat(Chunks.decode(d, Chunks.split(twice, random, 999))).isEqualTo(data);
    }

    /** Codings are matched case-insensitively and x-gzip means gzip. */
    @Test
    void createByName() throws IOException {
        byte[] gz = jdkGzip(data);
        assertThat(Chunks.decode(ContentDecoder.create(" X-GZIP ", NO_LIMIT), List.of(gz))).isEqualTo(data);
        assertThat(Chunks.decode(ContentDecoder.create("identity", NO_LIMIT), List.of(data))).isEqualTo(data);
    }

    /** An unsupported coding is refused with its name. */
    @Test
    void unsupportedCoding() {
        assertThat(ContentDecoder.isSupported("gzip, br")).isFalse();
        assertThat(ContentDecoder.isSupported("deflate, GZIP")).isTrue();
        assertThatThrownBy(() -> ContentDecoder.create("gzip, br", 10))
                .isInstanceOf(ContentDecodingException.class).hasMessageContaining("'br'");
    }

    /** The identity decoder also enforces the limit. */
    @Test
    void identityEnforcesLimit() {
        assertThatThrownBy(() -> Chunks.decode(ContentDecoder.create("identity", 10), List.of(new byte[11])))
                .isInstanceOf(DecodedSizeExceededException.class);
    }

    /** A closed decoder refuses further input. */
    @Test
    void closedDecoderRefusesInput() {
        ContentDecoder d = ContentDecoder.gzip(10);
        d.close();
        assertThatThrownBy(() -> d.decode(ByteBuffer.allocate(1), b -> { })).isInstanceOf(IllegalStateException.class);
    }
}
