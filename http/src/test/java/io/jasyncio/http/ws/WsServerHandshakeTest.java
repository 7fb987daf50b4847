package io.jasyncio.http.ws;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class WsServerHandshakeTest {
    private static final String KEY = "dGhlIHNhbXBsZSBub25jZQ==";

    /** The RFC 6455 §1.2 request, with header names in assorted cases. */
    private static Map<String, List<String>> request() {
        Map<String, List<String>> h = new LinkedHashMap<>();
        h.put("Host", List.of("server.example.com"));
        h.put("upgrade", List.of("websocket"));
        h.put("CONNECTION", List.of("keep-alive, Upgrade"));
        h.put("Sec-WebSocket-Key", List.of(KEY));
        h.put("Sec-WebSocket-Version", List.of("13"));
        return h;
    }

    private static Map<String, List<String>> with(String name, String... values) {
        Map<String, List<String>> h = request();
        h.keySet().removeIf(k -> k.equalsIgnoreCase(name));
        if (values.length > 0) {
            h.put(name, List.of(values));
        }
        return h;
    }

    private static WsServerHandshake accept(Map<String, List<String>> headers) throws WsHandshakeException {
        return WsServerHandshake.accept("GET", headers, List.of(), WsDeflateOptions.ENABLED);
    }

    private static WsHandshakeException rejected(Map<String, List<String>> headers) {
        try {
            accept(headers);
        } catch (WsHandshakeException e) {
            return e;
        }
        throw new AssertionError("handshake was accepted");
    }

    @Test
    void validRequestGetsTheRfcAcceptValue() throws Exception {
        WsServerHandshake hs = accept(request());
        assertThat(hs.responseHeaders()).containsExactly(
                Map.entry("Upgrade", "websocket"),
                Map.entry("Connection", "Upgrade"),
                Map.entry("Sec-WebSocket-Accept", "s3pPLMBiTxaQ9kYGzzhZRbK+xOo="));
        assertThat(hs.protocol()).isNull();
        assertThat(hs.deflate()).isNull();
    }

    @Test
    void methodOtherThanGetIs405() {
        assertThatThrownBy(() -> WsServerHandshake.accept("POST", request(), List.of(), WsDeflateOptions.DISABLED))
                .isInstanceOfSatisfying(WsHandshakeException.class, e -> assertThat(e.status()).isEqualTo(405))
                .hasMessageContaining("GET");
    }

    @Test
    void missingUpgradeIs400NamingTheHeader() {
        WsHandshakeException e = rejected(with("Upgrade"));
        assertThat(e.status()).isEqualTo(400);
        assertThat(e).hasMessageContaining("Upgrade");
    }

    @Test
    void upgradeToAnotherProtocolIs400() {
        assertThat(rejected(with("Upgrade", "h2c")).getMessage()).contains("h2c");
    }

    @Test
    void upgradeTokenIsCaseInsensitive() throws Exception {
        assertThat(accept(with("Upgrade", "WebSocket")).responseHeaders()).containsKey("Sec-WebSocket-Accept");
    }

    @Test
    void connectionWithoutUpgradeIs400() {
        WsHandshakeException e = rejected(with("Connection", "keep-alive"));
        assertThat(e.status()).isEqualTo(400);
        assertThat(e).hasMessageContaining("Connection");
    }

    @Test
    void missingVersionIs400() {
        WsHandshakeException e = rejected(with("Sec-WebSocket-Version"));
        assertThat(e.status()).isEqualTo(400);
        assertThat(e).hasMessageContaining("Sec-WebSocket-Version");
    }

    @Test
    void otherVersionIs426WithTheSupportedVersion() {
        WsHandshakeException e = rejected(with("Sec-WebSocket-Version", "8"));
        assertThat(e.status()).isEqualTo(426);
        assertThat(e.responseHeaders()).containsEntry("Sec-WebSocket-Version", "13");
    }

    @Test
    void missingKeyIs400() {
        assertThat(rejected(with("Sec-WebSocket-Key")).getMessage()).contains("Sec-WebSocket-Key");
    }

    @Test
    void keyThatIsNotSixteenBytesIs400() {
        WsHandshakeException e = rejected(with("Sec-WebSocket-Key", "c2hvcnQ="));
        assertThat(e.status()).isEqualTo(400);
        assertThat(e).hasMessageContaining("c2hvcnQ=");
    }

    @Test
    void repeatedKeyIs400() {
        assertThat(rejected(with("Sec-WebSocket-Key", KEY, KEY)).status()).isEqualTo(400);
    }

    @Test
    void subprotocolIsChosenByServerPreference() throws Exception {
        Map<String, List<String>> h = with("Sec-WebSocket-Protocol", "chat, superchat", "json");
        WsServerHandshake hs = WsServerHandshake.accept("GET", h, List.of("json", "superchat"), WsDeflateOptions.DISABLED);
        assertThat(hs.protocol()).isEqualTo("json");
        assertThat(hs.responseHeaders()).containsEntry("Sec-WebSocket-Protocol", "json");
    }

    @Test
    void noCommonSubprotocolMeansNoProtocolHeader() throws Exception {
        Map<String, List<String>> h = with("Sec-WebSocket-Protocol", "chat");
        WsServerHandshake hs = WsServerHandshake.accept("GET", h, List.of("json"), WsDeflateOptions.DISABLED);
        assertThat(hs.protocol()).isNull();
        assertThat(hs.responseHeaders()).doesNotContainKey("Sec-WebSocket-Protocol");
    }

    @Test
    void headerLookupFunctionIsAccepted() throws Exception {
        Map<String, List<String>> h = request();
        WsServerHandshake hs = WsServerHandshake.accept("GET",
                name -> HeaderValues.lookup(h).apply(name), List.of(), WsDeflateOptions.DISABLED);
        assertThat(hs.responseHeaders()).containsEntry("Sec-WebSocket-Accept", "s3pPLMBiTxaQ9kYGzzhZRbK+xOo=");
    }

    // ---- permessage-deflate ------------------------------------------------------------------

    private static WsServerHandshake offer(WsDeflateOptions options, String... extensions) throws WsHandshakeException {
        return WsServerHandshake.accept("GET", with("Sec-WebSocket-Extensions", extensions), List.of(), options);
    }

    @Test
    void plainDeflateOfferIsAccepted() throws Exception {
        WsServerHandshake hs = offer(WsDeflateOptions.ENABLED, "permessage-deflate");
        assertThat(hs.deflate()).isEqualTo(WsDeflateParams.DEFAULT);
        assertThat(hs.responseHeaders()).containsEntry("Sec-WebSocket-Extensions", "permessage-deflate");
    }

    @Test
    void deflateOfferIsDeclinedWhenDisabled() throws Exception {
        WsServerHandshake hs = offer(WsDeflateOptions.DISABLED, "permessage-deflate");
        assertThat(hs.deflate()).isNull();
        assertThat(hs.responseHeaders()).doesNotContainKey("Sec-WebSocket-Extensions");
    }

    @Test
    void noContextTakeoverRequestsAreEchoedAndAgreed() throws Exception {
        WsServerHandshake hs = offer(WsDeflateOptions.ENABLED,
                "permessage-deflate; server_no_context_takeover; client_no_context_takeover");
        assertThat(hs.deflate()).isEqualTo(new WsDeflateParams(true, true, 15, 15));
        assertThat(hs.responseHeaders()).containsEntry("Sec-WebSocket-Extensions",
                "permessage-deflate; server_no_context_takeover; client_no_context_takeover");
    }

    @Test
    void serverOptionsAddNoContextTakeoverUnasked() throws Exception {
        WsServerHandshake hs = offer(new WsDeflateOptions(true, true, true), "permessage-deflate");
        assertThat(hs.deflate()).isEqualTo(new WsDeflateParams(true, true, 15, 15));
    }

    @Test
    void smallServerWindowIsDeclinedForTheNextOffer() throws Exception {
        WsServerHandshake hs = offer(WsDeflateOptions.ENABLED,
                "permessage-deflate; server_max_window_bits=10, permessage-deflate; client_max_window_bits");
        assertThat(hs.deflate()).isEqualTo(WsDeflateParams.DEFAULT);
        assertThat(hs.responseHeaders()).containsEntry("Sec-WebSocket-Extensions", "permessage-deflate");
    }

    @Test
    void serverWindowOf15IsAcceptedAndConfirmed() throws Exception {
        WsServerHandshake hs = offer(WsDeflateOptions.ENABLED, "permessage-deflate; server_max_window_bits=\"15\"");
        assertThat(hs.responseHeaders()).containsEntry("Sec-WebSocket-Extensions",
                "permessage-deflate; server_max_window_bits=15");
    }

    @Test
    void clientWindowLimitIsRecordedButNotAnswered() throws Exception {
        WsServerHandshake hs = offer(WsDeflateOptions.ENABLED, "permessage-deflate; client_max_window_bits=9");
        assertThat(hs.deflate().clientMaxWindowBits()).isEqualTo(9);
        assertThat(hs.responseHeaders()).containsEntry("Sec-WebSocket-Extensions", "permessage-deflate");
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "permessage-deflate; mystery",
        "permessage-deflate; server_no_context_takeover; server_no_context_takeover",
        "permessage-deflate; client_max_window_bits=16",
        "permessage-deflate; client_max_window_bits=08",
        "permessage-deflate; server_max_window_bits",
        "permessage-deflate; server_no_context_takeover=1"})
    void offerWithUnknownRepeatedOrInvalidParameterIsDeclined(String extension) throws Exception {
        assertThat(offer(WsDeflateOptions.ENABLED, extension).deflate()).isNull();
    }

    @Test
    void otherExtensionsAreIgnored() throws Exception {
        WsServerHandshake hs = offer(WsDeflateOptions.ENABLED, "x-webkit-deflate-frame", "permessage-deflate");
        assertThat(hs.deflate()).isEqualTo(WsDeflateParams.DEFAULT);
    }

    @Test
    void malformedExtensionHeaderDeclinesAllExtensions() throws Exception {
        assertThat(offer(WsDeflateOptions.ENABLED, "permessage-deflate; =oops").deflate()).isNull();
    }
}
