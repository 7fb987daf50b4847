package io.jasyncio.http.client;

import io.jasyncio.http.url.Url;
import java.util.Locale;
import java.util.Objects;
import java.util.function.Function;

/**
 * The proxies named by the environment, for a session built with {@code trustEnv(true)}
 * (aiohttp's {@code trust_env=True}, which reads them as Python's {@code urllib.request}
 * does): {@code http_proxy} for {@code http} targets, {@code https_proxy} for {@code https}
 * ones, and {@code no_proxy} for the hosts to reach directly. The lower-case name wins over the
 * upper-case one. {@code no_proxy} is a comma-separated list of host names, each matching the
 * host itself and its subdomains (a leading dot is ignored; {@code host:port} matches that port
 * only), or {@code *} for every host. A proxy URL that is not {@code http://} is ignored, as
 * aiohttp ignores https proxies from the environment; credentials in it become
 * {@code Proxy-Authorization}.
 *
 * <p>Immutable; the variables are read on each call, through the given lookup.
 */
final class ProxyEnvironment {

    private final Function<String, String> getenv;

    ProxyEnvironment(Function<String, String> getenv) {
        this.getenv = Objects.requireNonNull(getenv, "getenv");
    }

    /** @return the environment of this process */
    static ProxyEnvironment system() {
        return new ProxyEnvironment(System::getenv);
    }

    /**
     * @param target the URL about to be requested
     * @return the proxy the environment names for it, or {@code null} to connect directly
     */
    HttpProxy proxyFor(Url target) {
        String text = variable(target.isSecure() ? "https_proxy" : "http_proxy");
        if (text == null || text.isBlank() || bypassed(target)) {
            return null;
        }
        try {
            return HttpProxy.of(text.strip(), null);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private boolean bypassed(Url target) {
        String list = variable("no_proxy");
        if (list == null) {
            return false;
        }
        String host = target.host().toLowerCase(Locale.ROOT);
        for (String entry : list.split(",")) {
            String name = entry.strip().toLowerCase(Locale.ROOT);
            if (name.equals("*")) {
                return true;
            }
            int colon = name.lastIndexOf(':');
            if (colon > 0 && name.indexOf(':') == colon) {
                if (!name.substring(colon + 1).equals(Integer.toString(target.port()))) {
                    continue;
                }
                name = name.substring(0, colon);
            }
            while (name.startsWith(".")) {
                name = name.substring(1);
            }
            if (!name.isEmpty() && (host.equals(name) || host.endsWith("." + name))) {
                return true;
            }
        }
        return false;
    }

    private String variable(String lower) {
        String v = getenv.apply(lower);
        return v != null ? v : getenv.apply(lower.toUpperCase(Locale.ROOT));
    }
}
