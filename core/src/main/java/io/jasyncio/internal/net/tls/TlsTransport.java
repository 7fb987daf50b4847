package io.jasyncio.internal.net.tls;

import io.jasyncio.internal.net.TransportSupport;
import io.jasyncio.net.BaseProtocol;
import io.jasyncio.net.Transport;
import java.nio.ByteBuffer;

/**
 * The transport a TLS connection's application protocol sees: CPython's
 * {@code sslproto._SSLProtocolTransport}. Plaintext in and out; everything is delegated to its
 * {@link TlsProtocol}. Loop context only.
 *
 * <p>Differences from a socket transport, as in CPython: no half-close ({@link #writeEof()} throws
 * {@link UnsupportedOperationException}, {@link #canWriteEof()} is false); {@link #close()} is a
 * TLS close (the buffered data, then close_notify, then the peer's close_notify or EOF, bounded by
 * the shutdown timeout); the write buffer counts the socket's buffer plus plaintext not yet
 * encrypted, with marks of 512 KiB and 128 KiB by default. Extra information adds
 * {@code sslcontext}, {@code ssl_object} (the {@link javax.net.ssl.SSLSession}; also under
 * {@code sslobject} and {@code sslsession}), {@code sslengine}, {@code peercert} (the peer's
 * certificate, or {@code null}), {@code peercertchain}, {@code cipher} (the suite name),
 * {@code tls_version}, {@code alpn_protocol} (or {@code null}) and {@code server_hostname} to the
 * socket's.
 */
final class TlsTransport implements Transport {

    private final TlsProtocol tls;
    private boolean closed;

    TlsTransport(TlsProtocol tls) {
        this.tls = tls;
    }

    void markClosed() {
        closed = true;
    }

    @Override
    public Object getExtraInfo(String name, Object defaultValue) {
        return tls.extraInfo(name, defaultValue);
    }

    @Override
    public boolean isClosing() {
        return closed;
    }

    @Override
    public void close() {
        if (!closed) {
            closed = true;
            tls.startShutdown();
        }
    }

    @Override
    public void abort() {
        closed = true;
        tls.abort(null);
    }

    @Override
    public void setProtocol(BaseProtocol protocol) {
        tls.setAppProtocol(protocol);
    }

    @Override
    public BaseProtocol getProtocol() {
        return tls.appProtocol();
    }

    @Override
    public boolean isReading() {
        return tls.appReading();
    }

    @Override
    public void pauseReading() {
        if (!closed) {
            tls.pauseAppReading();
        }
    }

    @Override
    public void resumeReading() {
        tls.resumeAppReading();
    }

    @Override
    public void write(ByteBuffer data) {
        tls.appWrite(data);
    }

    @Override
    public void writeEof() {
        throw new UnsupportedOperationException("TLS has no half-close: writeEof() is not supported on a TLS "
                + "transport (as in Python); close() it instead");
    }

    @Override
    public boolean canWriteEof() {
        return false;
    }

    @Override
    public void setWriteBufferLimits(int high, int low) {
        TransportSupport.checkWriteBufferLimits(high, low);
        tls.setWriteBufferLimits(high, low);
    }

    @Override
    public int[] getWriteBufferLimits() {
        return tls.writeBufferLimits();
    }

    @Override
    public long getWriteBufferSize() {
        return tls.writeBufferSize();
    }

    @Override
    public String toString() {
        return "<TlsTransport " + (closed ? "closing " : "") + tls.describe() + ">";
    }
}
