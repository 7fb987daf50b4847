package io.jasyncio.http.client;

import java.security.GeneralSecurityException;
import java.security.cert.X509Certificate;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509TrustManager;

/**
 * The TLS context behind {@code insecureSkipTlsVerify()}: it accepts any server certificate. Used
 * only when a session or connector was explicitly, and loudly, told not to verify (the seed's
 * {@code verify_ssl=False}).
 */
final class InsecureTrust {

    private InsecureTrust() {
    }

    static SSLContext context() throws GeneralSecurityException {
        TrustManager trustAll = new X509TrustManager() {
            @Override
            public void checkClientTrusted(X509Certificate[] chain, String authType) {
            }

            @Override
            public void checkServerTrusted(X509Certificate[] chain, String authType) {
            }

            @Override
            public X509Certificate[] getAcceptedIssuers() {
                return new X509Certificate[0];
            }
        };
        SSLContext ctx = SSLContext.getInstance("TLS");
        ctx.init(null, new TrustManager[] {trustAll}, null);
        return ctx;
    }
}
