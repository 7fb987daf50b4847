package io.jasyncio.http.encoding;

import java.nio.ByteBuffer;
import java.util.List;
import java.util.function.Consumer;

/**
 * Several codings applied in turn ({@code Content-Encoding: deflate, gzip}): the first stage
 * undoes the last coding applied, and each stage's output is the next stage's input.
 * Thread-confined.
 */
final class ChainedDecoder implements ContentDecoder {
    private final List<ContentDecoder> stages;

    ChainedDecoder(List<ContentDecoder> stages) {
        this.stages = List.copyOf(stages);
    }

    @Override
    public void decode(ByteBuffer input, Consumer<ByteBuffer> output) throws ContentDecodingException {
        feed(0, input, output);
    }

    private void feed(int stage, ByteBuffer input, Consumer<ByteBuffer> output) throws ContentDecodingException {
        if (stage == stages.size()) {
            output.accept(input);
            return;
        }
        try {
            stages.get(stage).decode(input, chunk -> {
                try {
                    feed(stage + 1, chunk, output);
                } catch (ContentDecodingException e) {
                    throw new Tunnel(e);
                }
            });
        } catch (Tunnel t) {
            throw t.cause;
        }
    }

    @Override
    public void finish(Consumer<ByteBuffer> output) throws ContentDecodingException {
        try {
            for (int i = 0; i < stages.size(); i++) {
                int next = i + 1;
                stages.get(i).finish(chunk -> {
                    try {
                        feed(next, chunk, output);
                    } catch (ContentDecodingException e) {
                        throw new Tunnel(e);
                    }
                });
            }
        } catch (Tunnel t) {
            throw t.cause;
        } finally {
            close();
        }
    }

    @Override
    public long decodedSize() {
        return stages.getLast().decodedSize();
    }

    @Override
    public void close() {
        stages.forEach(ContentDecoder::close);
    }

    /** Carries a checked exception out of a {@link Consumer}. */
    private static final class Tunnel extends RuntimeException {
        private static final long serialVersionUID = 1L;
        final transient ContentDecodingException cause;

        Tunnel(ContentDecodingException cause) {
            super(null, null, false, false);
            this.cause = cause;
        }
    }
}
