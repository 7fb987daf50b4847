package io.jasyncio.http.body;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Random;
import java.util.zip.CRC32;
import org.junit.jupiter.api.Test;

class MultipartParserTest {
    private static final String B = "simple-boundary";
    private static final String CT = "multipart/form-data; boundary=" + B;

    private static final String SAMPLE = "This is the preamble.\r\n"
            + "--" + B + "\r\n"
            + "Content-Disposition: form-data; name=\"field1\"\r\n"
            + "\r\n"
            + "value1\r\n"
            + "--" + B + "\r\n"
            + "Content-Disposition: form-data; name=\"file\"; filename=\"ä.txt\"\r\n"
            + "Content-Type: text/plain; charset=utf-8\r\n"
            + "\r\n"
            + "line 1\r\nline 2 --" + B + " is not a delimiter\r\n--" + B + "x neither\r\n\r\n--" + B + "-\r\n\r\n"
            + "\r\n--" + B + "--\r\n"
            + "This is the epilogue. --" + B + "\r\n";

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    private static RecordingHandler parse(byte[] body, int... splits) throws IOException {
        RecordingHandler h = new RecordingHandler();
        MultipartParser p = MultipartParser.forContentType(CT, h);
        int pos = 0;
        for (int size : splits) {
            int n = Math.min(size, body.length - pos);
            p.feed(body, pos, n);
            pos += n;
        }
        p.feed(body, pos, body.length - pos);
        p.finish();
        return h;
    }

    private static RecordingHandler parseWith(Random random, byte[] body, int maxChunk) throws IOException {
        RecordingHandler h = new RecordingHandler();
        MultipartParser p = MultipartParser.forContentType(CT, h);
        int pos = 0;
        while (pos < body.length) {
            int n = Math.min(body.length - pos, 1 + random.nextInt(maxChunk));
            p.feed(ByteBuffer.wrap(body, pos, n));
            pos += n;
        }
        p.finish();
        return h;
    }

    /** Fields and files are reported with their headers and exact content; preamble and epilogue are ignored. */
    @Test
    void parsesFieldsAndFiles() throws IOException {
        RecordingHandler h = parse(bytes(SAMPLE));
        assertThat(h.parts).hasSize(2);
        assertThat(h.parts.get(0).headers().name()).contains("field1");
        assertThat(h.parts.get(0).text()).isEqualTo("value1");
        assertThat(h.parts.get(1).headers().filename()).contains("ä.txt");
        assertThat(h.parts.get(1).headers().contentType()).isEqualTo("text/plain; charset=utf-8");
        assertThat(h.parts.get(1).text()).isEqualTo("line 1\r\nline 2 --" + B + " is not a delimiter\r\n--"
                + B + "x neither\r\n\r\n--" + B + "-\r\n\r\n");
        assertThat(h.completed).isTrue();
    }

    /** Feeding one byte at a time gives the same parts as feeding everything at once. */
    @Test
    void byteByByteGivesSameParts() throws IOException {
        byte[] body = bytes(SAMPLE);
        int[] ones = new int[body.length];
        java.util.Arrays.fill(ones, 1);
        assertThat(parse(body, ones).parts).isEqualTo(parse(body).parts);
    }

    /** Random splits of the body give the same parts, for many seeds. */
    @Test
    void randomSplitsGiveSameParts() throws IOException {
        byte[] body = bytes(SAMPLE);
        List<RecordingHandler.Recorded> expected = parse(body).parts;
        for (int seed = 0; seed < 300; seed++) {
            Random random = new Random(seed);
            assertThat(parseWith(random, body, 1 + seed % 40).parts).as("seed %d", seed).isEqualTo(expected);
        }
    }

    /** A boundary string not preceded by CRLF is content, also at the very start of a part. */
    @Test
    void boundaryWithoutCrlfIsContent() throws IOException {
        String body = "--" + B + "\r\n\r\n--" + B + "--" + B + "\r\n--" + B + "--";
        RecordingHandler h = parse(bytes(body));
        assertThat(h.parts).singleElement().extracting(RecordingHandler.Recorded::text)
                .isEqualTo("--" + B + "--" + B);
    }

    /** A delimiter followed by anything but "--", CRLF or padding is content, down to one byte splits. */
    @Test
    void delimiterFollowedByOtherTextIsContent() throws IOException {
        String content = "a\r\n--" + B + "x b\r\n--" + B + "-c d\r\n--" + B + "\rZ e\r\n--" + B + "\r\r f";
        String body = "--" + B + "\r\n\r\n" + content + "\r\n--" + B + "--";
        for (Random r : new Random[] {new Random(1), new Random(2), new Random(3)}) {
            assertThat(parseWith(r, bytes(body), 3).parts).singleElement()
                    .extracting(RecordingHandler.Recorded::text).isEqualTo(content);
        }
    }

    /** CRLF before the first delimiter is preamble, not part of anything. */
    @Test
    void crlfBeforeFirstDelimiter() throws IOException {
        RecordingHandler h = parse(bytes("\r\n--" + B + "\r\n\r\nx\r\n--" + B + "--"));
        assertThat(h.parts).singleElement().extracting(RecordingHandler.Recorded::text).isEqualTo("x");
    }

    /** Spaces and tabs after a boundary (transport padding) are skipped. */
    @Test
    void transportPaddingIsSkipped() throws IOException {
        RecordingHandler h = parse(bytes("--" + B + " \t \r\nA: 1\r\n\r\nx\r\n--" + B + "  \r\n\r\ny\r\n--" + B + "--"));
        assertThat(h.parts).extracting(RecordingHandler.Recorded::text).containsExactly("x", "y");
        assertThat(h.parts.getFirst().headers().header("a")).contains("1");
    }

    /** A part may have no headers and an empty body. */
    @Test
    void emptyHeadersAndEmptyBody() throws IOException {
        RecordingHandler h = parse(bytes("--" + B + "\r\n\r\n\r\n--" + B + "\r\nX: y\r\n\r\n\r\n--" + B + "--"));
        assertThat(h.parts).hasSize(2);
        assertThat(h.parts.get(0).headers().headers()).isEmpty();
        assertThat(h.parts.get(0).content()).isEmpty();
        assertThat(h.parts.get(1).content()).isEmpty();
        assertThat(h.parts.get(0).headers().contentType()).isEqualTo("text/plain");
    }

    /** A body that is only the close delimiter has no parts and is complete. */
    @Test
    void zeroParts() throws IOException {
        RecordingHandler h = parse(bytes("--" + B + "--\r\n"));
        assertThat(h.parts).isEmpty();
        assertThat(h.completed).isTrue();
    }

    /**
     * A 10 MiB file streams through in 64 KiB feeds: the content arrives intact, in read-only views,
     * and no slice is larger than a feed. Delimiter prefixes are planted across feed boundaries.
     */
    @Test
    void tenMebibyteFileIsStreamed() throws IOException {
        final int feed = 64 * 1024;
        final int size = 10 * 1024 * 1024;
        RecordingCrcHandler h = new RecordingCrcHandler();
        MultipartParser p = MultipartParser.forContentType(CT, h);
        p.feed(bytes("--" + B + "\r\nContent-Disposition: form-data; name=\"f\"; filename=\"big.bin\"\r\n\r\n"));
        Random random = new Random(42);
        CRC32 sent = new CRC32();
        byte[] trap = bytes("\r\n--" + B.substring(0, 8));
        byte[] chunk = new byte[feed];
        for (int done = 0; done < size; done += feed) {
            random.nextBytes(chunk);
            System.arraycopy(trap, 0, chunk, feed - trap.length, trap.length); // a partial delimiter at the end
            sent.update(chunk);
            p.feed(ByteBuffer.wrap(chunk));
        }
        p.feed(bytes("\r\n--" + B + "--\r\n"));
        p.finish();
        assertThat(h.total).isEqualTo(size);
        assertThat(h.crc.getValue()).isEqualTo(sent.getValue());
        assertThat(h.largest).isPositive().isLessThanOrEqualTo(feed);
        assertThat(h.readOnly).isTrue();
        assertThat(h.parts).isEqualTo(1);
    }

    /** A handler that keeps nothing but a checksum. */
    private static final class RecordingCrcHandler implements MultipartHandler {
        final CRC32 crc = new CRC32();
        long total;
        int largest;
        int parts;
        boolean readOnly = true;

        @Override
        public void partStarted(PartHeaders headers) {
            parts++;
        }

        @Override
        public void partData(ByteBuffer data) {
            largest = Math.max(largest, data.remaining());
            readOnly &= data.isReadOnly();
            total += data.remaining();
            crc.update(data);
        }

        @Override
        public void partEnded() {
        }
    }

    /** A body that ends without the close delimiter fails at finish, naming the boundary. */
    @Test
    void missingFinalBoundary() throws IOException {
        RecordingHandler h = new RecordingHandler();
        MultipartParser p = MultipartParser.forContentType(CT, h);
        p.feed(bytes("--" + B + "\r\n\r\ncontent\r\n"));
        assertThatThrownBy(p::finish).isInstanceOf(MultipartException.class)
                .hasMessageContaining("missing final boundary '--" + B + "--'");
        assertThat(h.parts).isEmpty();
    }

    /** A body without any delimiter fails at finish. */
    @Test
    void noBoundaryAtAll() throws IOException {
        MultipartParser p = MultipartParser.forContentType(CT, new RecordingHandler());
        p.feed(bytes("just some text"));
        assertThatThrownBy(p::finish).isInstanceOf(MultipartException.class).hasMessageContaining("no boundary");
    }

    /** A body that ends inside a part's headers says so. */
    @Test
    void endsInsideHeaders() throws IOException {
        MultipartParser p = MultipartParser.forContentType(CT, new RecordingHandler());
        p.feed(bytes("--" + B + "\r\nContent-Type: text/plain\r\n"));
        assertThatThrownBy(p::finish).isInstanceOf(MultipartException.class).hasMessageContaining("inside the headers of part 1");
    }

    /** A header line without a colon is rejected and shown. */
    @Test
    void headerLineWithoutColon() {
        assertThatThrownBy(() -> parse(bytes("--" + B + "\r\nnot a header\r\n\r\nx\r\n--" + B + "--")))
                .isInstanceOf(MultipartException.class).hasMessageContaining("malformed header line in part 1: 'not a header'");
    }

    /** A bare LF inside a header line is rejected. */
    @Test
    void bareLineFeedInHeader() {
        assertThatThrownBy(() -> parse(bytes("--" + B + "\r\nA: b\nC: d\r\n\r\nx\r\n--" + B + "--")))
                .isInstanceOf(MultipartException.class).hasMessageContaining("malformed header line");
    }

    /** A folded header line is rejected. */
    @Test
    void foldedHeader() {
        assertThatThrownBy(() -> parse(bytes("--" + B + "\r\nA: b\r\n c\r\n\r\nx\r\n--" + B + "--")))
                .isInstanceOf(MultipartException.class).hasMessageContaining("folding");
    }

    /** Text after padding on a boundary line is rejected. */
    @Test
    void junkAfterPadding() {
        assertThatThrownBy(() -> parse(bytes("--" + B + " junk\r\n\r\nx\r\n--" + B + "--")))
                .isInstanceOf(MultipartException.class).hasMessageContaining("malformed boundary line");
    }

    /** A malformed Content-Disposition is rejected. */
    @Test
    void malformedContentDisposition() {
        assertThatThrownBy(() -> parse(bytes("--" + B + "\r\nContent-Disposition: form-data; name=\"x\r\n\r\nx\r\n--" + B + "--")))
                .isInstanceOf(MultipartException.class).hasMessageContaining("Content-Disposition in part 1");
    }

    /** Headers larger than the limit are refused before they are all buffered. */
    @Test
    void headerSizeLimit() throws IOException {
        MultipartParser p = new MultipartParser(B, new RecordingHandler(), new MultipartLimits(10, 64));
        p.feed(bytes("--" + B + "\r\n"));
        assertThatThrownBy(() -> p.feed(bytes("X: " + "a".repeat(100) + "\r\n\r\n")))
                .isInstanceOf(BodyLimitException.class).hasMessageContaining("exceed 64 bytes");
    }

    /** More parts than the limit are refused. */
    @Test
    void partCountLimit() {
        String part = "--" + B + "\r\n\r\nx\r\n";
        MultipartParser p = new MultipartParser(B, new RecordingHandler(), new MultipartLimits(2, 1024));
        assertThatThrownBy(() -> p.feed(bytes(part.repeat(3) + "--" + B + "--")))
                .isInstanceOf(BodyLimitException.class).hasMessageContaining("more than 2 parts");
        assertThat(p.partCount()).isEqualTo(2);
    }

    /** After an error the parser refuses further use. */
    @Test
    void unusableAfterFailure() {
        MultipartParser p = new MultipartParser(B, new RecordingHandler(), MultipartLimits.DEFAULT);
        assertThatThrownBy(() -> p.feed(bytes("--" + B + " junk"))).isInstanceOf(MultipartException.class);
        assertThatThrownBy(() -> p.feed(bytes("more"))).isInstanceOf(IllegalStateException.class);
    }

    /** An exception from the handler reaches the caller of feed. */
    @Test
    void handlerExceptionPropagates() {
        MultipartHandler failing = new MultipartHandler() {
            @Override
            public void partStarted(PartHeaders headers) throws IOException {
                throw new IOException("disk full");
            }

            @Override
            public void partData(ByteBuffer data) { }

            @Override
            public void partEnded() { }
        };
        MultipartParser p = new MultipartParser(B, failing, MultipartLimits.DEFAULT);
        assertThatThrownBy(() -> p.feed(bytes("--" + B + "\r\n\r\nx"))).isInstanceOf(IOException.class).hasMessage("disk full");
    }

    /** The boundary is taken from the Content-Type, quoted or not. */
    @Test
    void boundaryFromQuotedParameter() throws IOException {
        RecordingHandler h = new RecordingHandler();
        MultipartParser p = MultipartParser.forContentType("Multipart/Form-Data; boundary=\"a b:c\"", h);
        p.feed(bytes("--a b:c\r\n\r\nx\r\n--a b:c--"));
        p.finish();
        assertThat(h.parts).hasSize(1);
    }

    /** A Content-Type without a boundary, or not multipart, is refused clearly. */
    @Test
    void unusableContentType() {
        assertThatThrownBy(() -> MultipartParser.forContentType("multipart/form-data", new RecordingHandler()))
                .isInstanceOf(MultipartException.class).hasMessageContaining("no boundary parameter");
        assertThatThrownBy(() -> MultipartParser.forContentType("text/plain; boundary=x", new RecordingHandler()))
                .isInstanceOf(MultipartException.class).hasMessageContaining("not multipart");
        assertThatThrownBy(() -> MultipartParser.forContentType("multipart/form-data; boundary=\"\"", new RecordingHandler()))
                .isInstanceOf(MultipartException.class).hasMessageContaining("invalid multipart boundary");
    }

    /** Header names are looked up case-insensitively, repeats are kept, and filename* wins. */
    @Test
    void partHeaderAccess() throws IOException {
        RecordingHandler h = parse(bytes("--" + B + "\r\ncontent-disposition: form-data; name=f; filename=\"a.txt\";"
                + " filename*=UTF-8''%E2%82%AC.txt\r\nX-A: 1\r\nx-a: 2\r\n\r\nx\r\n--" + B + "--"));
        PartHeaders ph = h.parts.getFirst().headers();
        assertThat(ph.filename()).contains("€.txt");
        assertThat(ph.headers().get("X-a")).containsExactly("1", "2");
        assertThat(ph.header("CONTENT-DISPOSITION")).isPresent();
    }

    /** Bytes after the close delimiter are ignored even if they look like parts. */
    @Test
    void epilogueIsIgnored() throws IOException {
        RecordingHandler h = parse(bytes("--" + B + "\r\n\r\nx\r\n--" + B + "--\r\n--" + B + "\r\n\r\ny\r\n--" + B + "--"));
        assertThat(h.parts).hasSize(1);
    }
}
