package io.jasyncio.internal.net;

import io.jasyncio.EventLoop;
import io.jasyncio.Future;
import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.ProtocolFamily;
import java.net.StandardProtocolFamily;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Host name resolution off the loop thread: CPython runs {@code getaddrinfo} in the default
 * executor; here it runs on a pool of daemon platform threads (the JDK's lookup is a native call
 * that would block a loop or carrier thread), and the answer comes back to the loop with
 * {@code callSoonThreadsafe}. IP literals ({@code 127.0.0.1}, {@code ::1}, {@code [::1]}) are
 * parsed on the spot without a thread hop, as CPython's {@code _ipaddr_info} does.
 */
public final class Resolver {

    private static final ExecutorService POOL = Executors.newCachedThreadPool(
            Thread.ofPlatform().daemon().name("jasyncio-resolver-", 0).factory());

    private Resolver() {
    }

    /**
     * Starts resolving a host; the future completes on the loop.
     *
     * @param loop the loop to complete the future on
     * @param host a name or an IP literal
     * @param port the port, for messages
     * @param family the family to keep, or {@code null} for all
     * @return a future of the addresses (done already for a literal), failing with an
     *     {@link UnknownHostException} that names the host
     */
    public static Future<List<InetAddress>> resolve(EventLoop loop, String host, int port, ProtocolFamily family) {
        Future<List<InetAddress>> f = loop.createFuture();
        InetAddress literal = literal(host);
        if (literal != null) {
            complete(f, new InetAddress[] {literal}, host, port, family);
            return f;
        }
        POOL.execute(() -> {
            InetAddress[] found;
            try {
                found = InetAddress.getAllByName(host);
            } catch (UnknownHostException e) {
                UnknownHostException u = new UnknownHostException("cannot resolve host " + host + " (port " + port
                        + "): " + e.getMessage());
                u.initCause(e);
                post(loop, () -> {
                    if (!f.done()) {
                        f.setException(u);
                    }
                });
                return;
            } catch (RuntimeException e) {
                post(loop, () -> {
                    if (!f.done()) {
                        f.setException(e);
                    }
                });
                return;
            }
            post(loop, () -> {
                if (!f.done()) {
                    complete(f, found, host, port, family);
                }
            });
        });
        return f;
    }

    private static void post(EventLoop loop, Runnable r) {
        try {
            loop.callSoonThreadsafe(r);
        } catch (IllegalStateException closed) {
            // The loop closed while we resolved: nobody is waiting any more.
        }
    }

    private static void complete(Future<List<InetAddress>> f, InetAddress[] found, String host, int port,
            ProtocolFamily family) {
        List<InetAddress> out = new ArrayList<>(found.length);
        for (InetAddress a : found) {
            if (family == null || (family == StandardProtocolFamily.INET && a instanceof Inet4Address)
                    || (family == StandardProtocolFamily.INET6 && a instanceof Inet6Address)) {
                if (!out.contains(a)) {
                    out.add(a);
                }
            }
        }
        if (out.isEmpty()) {
            f.setException(new UnknownHostException("host " + host + " (port " + port + ") has no " + family
                    + " address"));
        } else {
            f.setResult(out);
        }
    }

    /**
     * @param host a host string
     * @return its address if it is an IPv4 or IPv6 literal (brackets allowed), else {@code null}
     */
    public static InetAddress literal(String host) {
        if (host == null || host.isEmpty()) {
            return null;
        }
        String h = host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
        char c = h.charAt(0);
        if (!(Character.digit(c, 16) >= 0 || c == ':')) {
            return null;
        }
        try {
            return InetAddress.ofLiteral(h);
        } catch (IllegalArgumentException notLiteral) {
            return null;
        }
    }
}
