package io.jasyncio.http.ws;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class WsClientHandshakeTest {

    private static WsClientHandshake client(List<String> protocols, WsDeflateOptions deflate) {
        return new WsClientHandshake(protocols, deflate, new Random(3));
    }

    /** The response a correct server gives to {@code hs}. */
    private static Map<String, List<String>> response(WsClientHandshake hs) {
        Map<String, List<String>> h = new LinkedHashMap<>();
        h.put("upgrade", List.of("websocket"));
        h.put("connection", List.of("Upgrade"));
        h.put("sec-websocket-accept", List.of(WsHandshake.acceptKey(hs.key())));
        return h;
    }

    private static Map<String, List<String>> with(Map<String, List<String>> h, String name, String... values) {
        h.keySet().removeIf(k -> k.equalsIgnoreCase(name));
        if (values.length > 0) {
            h.put(name, List.of(values));
        }
        return h;
    }

    private static WsHandshakeException rejected(WsClientHandshake hs, int status, Map<String, List<String>> headers) {
        try {
            hs.verify(status, headers);
        } catch (WsHandshakeException e) {
            return e;
        }
        throw new AssertionError("response was accepted");
    }

    @Test
    void requestHeadersCarryKeyVersionProtocolsAndOffer() {
        WsClientHandshake hs = client(List.of("chat", "json"), new WsDeflateOptions(true, true, false));
        assertThat(hs.requestHeaders()).containsExactly(
                Map.entry("Upgrade", "websocket"),
                Map.entry("Connection", "Upgrade"),
                Map.entry("Sec-WebSocket-Key", hs.key()),
                Map.entry("Sec-WebSocket-Version", "13"),
                Map.entry("Sec-WebSocket-Protocol", "chat, json"),
                Map.entry("Sec-WebSocket-Extensions", "permessage-deflate; server_no_context_takeover"));
        assertThat(WsHandshake.isValidKey(hs.key())).isTrue();
    }

    @Test
    void requestWithoutProtocolsOrDeflateHasNeitherHeader() {
        assertThat(client(List.of(), WsDeflateOptions.DISABLED).requestHeaders())
                .doesNotContainKeys("Sec-WebSocket-Protocol", "Sec-WebSocket-Extensions");
    }

    @Test
    void offerNeverContainsClientMaxWindowBits() {
        WsClientHandshake hs = client(List.of(), new WsDeflateOptions(true, true, true));
        assertThat(hs.requestHeaders().get("Sec-WebSocket-Extensions")).doesNotContain("max_window_bits");
    }

    @Test
    void protocolThatIsNotATokenIsRejected() {
        assertThatThrownBy(() -> client(List.of("a b"), WsDeflateOptions.DISABLED))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void serverAnswerMadeByTheServerSideIsVerified() throws Exception {
        WsClientHandshake hs = client(List.of("chat", "json"), WsDeflateOptions.ENABLED);
        Map<String, List<String>> request = new LinkedHashMap<>();
        hs.requestHeaders().forEach((k, v) -> request.put(k, List.of(v)));
        WsServerHandshake server = WsServerHandshake.accept("GET", request, List.of("json"), WsDeflateOptions.ENABLED);
        Map<String, List<String>> response = new LinkedHashMap<>();
        server.responseHeaders().forEach((k, v) -> response.put(k, List.of(v)));
        WsClientHandshake.Result result = hs.verify(101, response);
        assertThat(result.protocol()).isEqualTo("json");
        assertThat(result.deflate()).isEqualTo(server.deflate());
    }

    @Test
    void statusOtherThan101IsRejectedWithThatStatus() {
        WsClientHandshake hs = client(List.of(), WsDeflateOptions.DISABLED);
        WsHandshakeException e = rejected(hs, 200, response(hs));
        assertThat(e.status()).isEqualTo(200);
        assertThat(e).hasMessageContaining("101");
    }

    @Test
    void wrongAcceptValueIsRejectedNamingBoth() {
        WsClientHandshake hs = client(List.of(), WsDeflateOptions.DISABLED);
        WsHandshakeException e = rejected(hs, 101, with(response(hs), "Sec-WebSocket-Accept", "s3pPLMBiTxaQ9kYGzzhZRbK+xOo="));
        assertThat(e).hasMessageContaining("Sec-WebSocket-Accept").hasMessageContaining(WsHandshake.acceptKey(hs.key()));
    }

    @Test
    void missingUpgradeIsRejected() {
        WsClientHandshake hs = client(List.of(), WsDeflateOptions.DISABLED);
        assertThat(rejected(hs, 101, with(response(hs), "Upgrade"))).hasMessageContaining("Upgrade");
    }

    @Test
    void missingConnectionUpgradeIsRejected() {
        WsClientHandshake hs = client(List.of(), WsDeflateOptions.DISABLED);
        assertThat(rejected(hs, 101, with(response(hs), "Connection", "close"))).hasMessageContaining("Connection");
    }

    @Test
    void protocolThatWasNotOfferedIsRejected() {
        WsClientHandshake hs = client(List.of("chat"), WsDeflateOptions.DISABLED);
        assertThat(rejected(hs, 101, with(response(hs), "Sec-WebSocket-Protocol", "json"))).hasMessageContaining("json");
    }

    @Test
    void noProtocolChosenIsAccepted() throws Exception {
        WsClientHandshake hs = client(List.of("chat"), WsDeflateOptions.DISABLED);
        assertThat(hs.verify(101, response(hs)).protocol()).isNull();
    }

    @Test
    void extensionWhenNoneWasOfferedIsRejected() {
        WsClientHandshake hs = client(List.of(), WsDeflateOptions.DISABLED);
        assertThat(rejected(hs, 101, with(response(hs), "Sec-WebSocket-Extensions", "permessage-deflate")))
                .hasMessageContaining("offered none");
    }

    @Test
    void deflateAnswerWithServerParametersIsAccepted() throws Exception {
        WsClientHandshake hs = client(List.of(), WsDeflateOptions.ENABLED);
        WsClientHandshake.Result r = hs.verify(101, with(response(hs), "Sec-WebSocket-Extensions",
                "permessage-deflate; server_no_context_takeover; server_max_window_bits=10; client_no_context_takeover"));
        assertThat(r.deflate()).isEqualTo(new WsDeflateParams(true, true, 10, 15));
    }

    @Test
    void clientNoContextTakeoverOfferedHoldsEvenIfNotEchoed() throws Exception {
        WsClientHandshake hs = client(List.of(), new WsDeflateOptions(true, false, true));
        WsClientHandshake.Result r = hs.verify(101, with(response(hs), "Sec-WebSocket-Extensions", "permessage-deflate"));
        assertThat(r.deflate().clientNoContextTakeover()).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "permessage-deflate; client_max_window_bits=15",
        "permessage-deflate; server_max_window_bits=7",
        "permessage-deflate; mystery",
        "permessage-deflate; server_no_context_takeover; server_no_context_takeover",
        "permessage-deflate; client_no_context_takeover=yes",
        "permessage-deflate, permessage-deflate",
        "x-unknown",
        "permessage-deflate; \"unterminated"})
    void unacceptableDeflateAnswerIsRejected(String answer) {
        WsClientHandshake hs = client(List.of(), WsDeflateOptions.ENABLED);
        assertThat(rejected(hs, 101, with(response(hs), "Sec-WebSocket-Extensions", answer)).status()).isEqualTo(101);
    }
}
