package io.jasyncio.bench.ws;

import io.jasyncio.http.ws.WsFrameParser;
import io.jasyncio.http.ws.WsFrameWriter;
import io.jasyncio.http.ws.WsMessage;
import io.jasyncio.http.ws.WsProtocolException;
import io.jasyncio.http.ws.WsRole;
import java.nio.ByteBuffer;
import java.util.Random;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * The WebSocket codec on one masked binary message (what a client sends and a server reads):
 * {@code parse} is a server parser turning the frame into a {@link WsMessage} (header, unmasking,
 * copy); {@code write} is a client writer encoding it (header, fresh mask key, copy, masking).
 * No compression. The mask source is a {@link SplittableRandom}: a client in production should
 * use a {@link java.security.SecureRandom}, whose cost is not measured here.
 *
 * <p>The heap is fixed and pre-touched: each 16 KiB operation allocates its message, and with a
 * growing default heap the page faults of newly committed memory (not the codec) swung single
 * iterations between 6 and 90 microseconds.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xms512m", "-Xmx512m", "-XX:+AlwaysPreTouch"})
public class WsCodecBench {

    @Param({"64", "16384"})
    public int size;

    private byte[] payload;
    private byte[] frame;
    private WsFrameParser parser;
    private WsFrameWriter writer;
    private WsMessage last;

    @Setup
    public void setup() {
        payload = new byte[size];
        new Random(1).nextBytes(payload);
        writer = new WsFrameWriter(WsRole.CLIENT, new SplittableRandom(1), null, -1, 0);
        ByteBuffer encoded = writer.encodeBinary(payload, 0, size, false);
        frame = new byte[encoded.remaining()];
        encoded.get(frame);
        parser = new WsFrameParser(WsRole.SERVER, m -> last = m);
    }

    @Benchmark
    public WsMessage parse() throws WsProtocolException {
        parser.feed(ByteBuffer.wrap(frame));
        return last;
    }

    @Benchmark
    public ByteBuffer write() {
        return writer.encodeBinary(payload, 0, size, false);
    }
}
