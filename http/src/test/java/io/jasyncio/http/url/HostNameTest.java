package io.jasyncio.http.url;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class HostNameTest {

    /** Names are lower-cased and IPv6 addresses take their RFC 5952 form. */
    @Test
    void canonicalForms() {
        assertThat(HostName.canonicalize("WWW.Example.COM")).isEqualTo("www.example.com");
        assertThat(HostName.canonicalize("[0:0:0:0:0:0:0:1]")).isEqualTo("::1");
        assertThat(HostName.canonicalize("2001:db8:0:0:1:0:0:1")).isEqualTo("2001:db8::1:0:0:1");
        assertThat(HostName.canonicalize("::ffff:192.0.2.1")).isEqualTo("::ffff:192.0.2.1");
    }

    /** Octal and short IPv4 forms are read as the address they denote. */
    @Test
    void ipv4Forms() {
        assertThat(HostName.canonicalize("0177.0.0.1")).isEqualTo("127.0.0.1");
        assertThat(HostName.canonicalize("127.1")).isEqualTo("127.0.0.1");
    }

    /** A sign is not a digit, so "+1" is not an IPv4 part. */
    @Test
    void signedPartIsNotANumber() {
        assertThatThrownBy(() -> HostName.canonicalize("1.+2.3.4")).hasMessageContaining("invalid IPv4");
    }

    /** Addresses are recognised as IP hosts and names are not. */
    @Test
    void recognisesIpAddresses() {
        assertThat(HostName.isIpAddress("10.0.0.1")).isTrue();
        assertThat(HostName.isIpAddress("::1")).isTrue();
        assertThat(HostName.isIpAddress("example.com")).isFalse();
        assertThat(HostName.isIpAddress("1.2.3.com")).isFalse();
    }

    /** IPv6 zone identifiers are refused with a clear message. */
    @Test
    void rejectsZoneIdentifier() {
        assertThatThrownBy(() -> HostName.canonicalize("[fe80::1%25eth0]")).hasMessageContaining("zone");
    }
}
