package io.jasyncio.http.encoding;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/** Test helpers: split data into random chunks and run coders over them. */
final class Chunks {
    private Chunks() {}

    /** Splits {@code data} into chunks of 1..maxChunk bytes chosen by {@code random}. */
    static List<byte[]> split(byte[] data, Random random, int maxChunk) {
        List<byte[]> chunks = new ArrayList<>();
        int i = 0;
        while (i < data.length) {
            int n = Math.min(data.length - i, 1 + random.nextInt(maxChunk));
            byte[] c = new byte[n];
            System.arraycopy(data, i, c, 0, n);
            chunks.add(c);
            i += n;
        }
        return chunks;
    }

    /** Decodes the chunks in order and returns the concatenated output. */
    static byte[] decode(ContentDecoder decoder, List<byte[]> chunks) throws ContentDecodingException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] c : chunks) {
            decoder.decode(ByteBuffer.wrap(c), b -> append(out, b));
        }
        decoder.finish(b -> append(out, b));
        return out.toByteArray();
    }

    /** Encodes the chunks in order and returns the concatenated output. */
    static byte[] encode(ContentEncoder encoder, List<byte[]> chunks) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] c : chunks) {
            encoder.encode(ByteBuffer.wrap(c), b -> append(out, b));
        }
        encoder.finish(b -> append(out, b));
        return out.toByteArray();
    }

    static void append(ByteArrayOutputStream out, ByteBuffer b) {
        byte[] a = new byte[b.remaining()];
        b.get(a);
        out.writeBytes(a);
    }

    /** Half text-like (compressible), half random bytes. */
    static byte[] sample(Random random, int size) {
        byte[] data = new byte[size];
        byte[] words = "the quick brown fox jumps over the lazy dog ".getBytes();
        for (int i = 0; i < size / 2; i++) {
            data[i] = words[(i * 7 + random.nextInt(3)) % words.length];
        }
        byte[] tail = new byte[size - size / 2];
        random.nextBytes(tail);
        System.arraycopy(tail, 0, data, size / 2, tail.length);
        return data;
    }
}
