package io.jasyncio.internal.net;

import io.jasyncio.EventLoop;
import io.jasyncio.net.BaseProtocol;
import io.jasyncio.net.BaseTransport;
import io.jasyncio.net.BufferedProtocol;
import io.jasyncio.net.Protocol;
import java.util.HashMap;
import java.util.Map;

/**
 * Checks and error reports every stream transport makes the same way (the selector's, TLS, pipes,
 * and the testing module's simulated one), so that they agree on messages. Stateless.
 */
public final class TransportSupport {

    private TransportSupport() {
    }

    /**
     * @param high the high-water mark asked for
     * @param low the low-water mark asked for
     * @throws IllegalArgumentException unless {@code high >= low >= 0}, naming both
     */
    public static void checkWriteBufferLimits(int high, int low) {
        if (!(high >= low && low >= 0)) {
            throw new IllegalArgumentException("high (" + high + ") must be >= low (" + low + ") must be >= 0");
        }
    }

    /**
     * @param protocol a protocol given to a stream transport
     * @return it, if a {@link Protocol} or a {@link BufferedProtocol}
     * @throws IllegalArgumentException otherwise, naming its class
     */
    public static BaseProtocol requireStreamProtocol(BaseProtocol protocol) {
        if (!(protocol instanceof Protocol) && !(protocol instanceof BufferedProtocol)) {
            throw new IllegalArgumentException("a stream transport needs a Protocol or a BufferedProtocol, got "
                    + (protocol == null ? "null" : protocol.getClass().getName()));
        }
        return protocol;
    }

    /**
     * Reports a protocol callback's failure to the loop's exception handler, with the transport and
     * protocol in the context. A {@link VirtualMachineError} other than a stack overflow is
     * rethrown instead.
     *
     * @param loop the transport's loop
     * @param t the failure
     * @param message what failed
     * @param transport the transport
     * @param protocol its protocol
     */
    public static void report(EventLoop loop, Throwable t, String message, BaseTransport transport,
            BaseProtocol protocol) {
        if (t instanceof VirtualMachineError vm && !(t instanceof StackOverflowError)) {
            throw vm;
        }
        Map<String, Object> ctx = new HashMap<>();
        ctx.put("message", message);
        ctx.put("exception", t);
        ctx.put("transport", transport);
        ctx.put("protocol", protocol);
        loop.callExceptionHandler(ctx);
    }
}
