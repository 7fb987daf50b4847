package io.jasyncio.http.encoding;

import java.nio.ByteBuffer;
import java.util.function.Consumer;
import java.util.zip.CRC32;
import java.util.zip.Inflater;

/**
 * Decodes the gzip format (RFC 1952) incrementally: the member header with its optional fields
 * is read byte by byte, the deflate body is inflated, and the trailer's CRC-32 and length are
 * checked. Further members are decoded in turn; bytes after a member that are not the start of
 * another member are ignored, as browsers do. Thread-confined.
 */
final class GzipDecoder implements ContentDecoder {
    private static final int FHCRC = 2;
    private static final int FEXTRA = 4;
    private static final int FNAME = 8;
    private static final int FCOMMENT = 16;

    private enum State { HEADER, EXTRA_LENGTH, EXTRA, NAME, COMMENT, HEADER_CRC, BODY, TRAILER, IGNORE }

    private final SizeGuard guard;
    private final Inflation inflation;
    private final CRC32 crc = new CRC32();
    private final CRC32 headerCrc = new CRC32();
    private final byte[] field = new byte[10]; // the fixed header, then the trailer
    private State state = State.HEADER;
    private int fieldCount;
    private int flags;
    private int remaining;  // bytes left in EXTRA, or the XLEN being read
    private long memberSize;
    private int members;
    private boolean closed;

    GzipDecoder(long maxDecodedSize) {
        this.guard = new SizeGuard(maxDecodedSize);
        this.inflation = new Inflation(new Inflater(true), guard);
    }

    @Override
    public void decode(ByteBuffer input, Consumer<ByteBuffer> output) throws ContentDecodingException {
        ensureOpen();
        while (input.hasRemaining()) {
            switch (state) {
                case HEADER -> header(input.get());
                case EXTRA_LENGTH -> {
                    byte b = input.get();
                    headerCrc.update(b);
                    remaining |= (b & 0xff) << (8 * fieldCount++);
                    if (fieldCount == 2) {
                        state = remaining > 0 ? State.EXTRA : afterExtra();
                    }
                }
                case EXTRA -> {
                    headerCrc.update(input.get());
                    if (--remaining == 0) {
                        state = afterExtra();
                    }
                }
                case NAME -> {
                    byte b = input.get();
                    headerCrc.update(b);
                    if (b == 0) {
                        state = afterName();
                    }
                }
                case COMMENT -> {
                    byte b = input.get();
                    headerCrc.update(b);
                    if (b == 0) {
                        state = afterComment();
                    }
                }
                case HEADER_CRC -> {
                    field[fieldCount++] = input.get();
                    if (fieldCount == 2) {
                        int expected = (int) (headerCrc.getValue() & 0xffff);
                        if (expected != ((field[0] & 0xff) | (field[1] & 0xff) << 8)) {
                            throw new ContentDecodingException("gzip header CRC mismatch");
                        }
                        state = State.BODY;
                    }
                }
                case BODY -> {
                    long before = guard.total();
                    boolean ended = inflation.pump(input, output, crc);
                    memberSize += guard.total() - before;
                    if (ended) {
                        state = State.TRAILER;
                        fieldCount = 0;
                    }
                }
                case TRAILER -> {
                    field[fieldCount++] = input.get();
                    if (fieldCount == 8) {
                        checkTrailer();
                    }
                }
                case IGNORE -> input.position(input.limit());
            }
        }
    }

    private void header(byte b) throws ContentDecodingException {
        if (fieldCount == 0) {
            headerCrc.reset();
        }
        field[fieldCount++] = b;
        headerCrc.update(b);
        if (fieldCount == 2 && ((field[0] & 0xff) != 0x1f || (field[1] & 0xff) != 0x8b)) {
            if (members > 0) {
                state = State.IGNORE; // trailing garbage after a complete member
                return;
            }
            throw new ContentDecodingException("not in gzip format (bad magic bytes)");
        }
        if (fieldCount == 10) {
            if (field[2] != 8) {
                throw new ContentDecodingException("unsupported gzip compression method " + field[2]);
            }
            flags = field[3] & 0xff;
            if ((flags & 0xe0) != 0) {
                throw new ContentDecodingException("reserved gzip header flags are set");
            }
            fieldCount = 0;
            remaining = 0;
            state = (flags & FEXTRA) != 0 ? State.EXTRA_LENGTH : afterExtra();
        }
    }

    private State afterExtra() {
        return (flags & FNAME) != 0 ? State.NAME : afterName();
    }

    private State afterName() {
        return (flags & FCOMMENT) != 0 ? State.COMMENT : afterComment();
    }

    private State afterComment() {
        fieldCount = 0;
        return (flags & FHCRC) != 0 ? State.HEADER_CRC : State.BODY;
    }

    private void checkTrailer() throws ContentDecodingException {
        long storedCrc = le32(0);
        long storedSize = le32(4);
        if (storedCrc != crc.getValue()) {
            throw new ContentDecodingException("gzip CRC-32 mismatch: the data is corrupt");
        }
        if (storedSize != (memberSize & 0xffffffffL)) {
            throw new ContentDecodingException("gzip length mismatch: the data is corrupt");
        }
        members++;
        crc.reset();
        memberSize = 0;
        inflation.inflater().reset();
        fieldCount = 0;
        state = State.HEADER;
    }

    private long le32(int at) {
        return (field[at] & 0xffL) | (field[at + 1] & 0xffL) << 8 | (field[at + 2] & 0xffL) << 16
                | (field[at + 3] & 0xffL) << 24;
    }

    @Override
    public void finish(Consumer<ByteBuffer> output) throws ContentDecodingException {
        ensureOpen();
        boolean clean = state == State.IGNORE
                || (state == State.HEADER && (members > 0 ? fieldCount < 2 : fieldCount == 0));
        close();
        if (!clean) {
            throw new ContentDecodingException("truncated gzip stream");
        }
    }

    @Override
    public long decodedSize() {
        return guard.total();
    }

    @Override
    public void close() {
        if (!closed) {
            closed = true;
            inflation.inflater().end();
        }
    }

    private void ensureOpen() {
        if (closed) {
            throw new IllegalStateException("decoder is closed");
        }
    }
}
