package io.jasyncio.testing.net;

import static io.jasyncio.testing.net.SimFixtures.b;
import static io.jasyncio.testing.net.SimFixtures.echoUntilReset;
import static io.jasyncio.testing.net.SimFixtures.shutdown;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jasyncio.Asyncio;
import io.jasyncio.EventLoop;
import io.jasyncio.Task;
import io.jasyncio.net.Connection;
import io.jasyncio.net.Server;
import io.jasyncio.testing.AsyncTest;
import io.jasyncio.testing.VirtualTime;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Seeded faults: the seed picks jitter and resets, and the same seed replays the same trace. */
class SimSeedTest {

    /** Three clients echo through a jittery, reset-prone network; returns the trace and outcomes. */
    private static List<String> run(long seed) throws Exception {
        return VirtualTime.run(() -> {
            SimNetwork net = new SimNetwork(Asyncio.getRunningLoop(), seed)
                    .faults(SimFaults.NONE.withJitter(0.05).withResets(0.5, 40));
            Server server = net.host("server").startServer(echoUntilReset(), 7);
            List<Task<String>> clients = new ArrayList<>();
            for (String name : List.of("a", "b", "c")) {
                clients.add(Asyncio.createTask(() -> {
                    Connection c = net.host(name).openConnection("server", 7);
                    try {
                        for (int i = 0; i < 5; i++) {
                            c.writer().write(b(name + i + "\n"));
                            c.reader().readLine();
                        }
                        return name + " ok";
                    } catch (IOException e) {
                        return name + " failed: " + e.getMessage();
                    } finally {
                        c.writer().close();
                    }
                }));
            }
            List<String> out = new ArrayList<>(Asyncio.gather(clients));
            shutdown(server);
            out.addAll(net.trace());
            return out;
        });
    }

    /** The same seed gives the same trace, event for event and time for time. */
    @Test
    void sameSeedGivesTheSameTraceTwice() throws Exception {
        List<String> first = run(42);
        assertThat(run(42)).isEqualTo(first);
        assertThat(first).anyMatch(e -> e.contains(" data "));
    }

    /** Another seed picks other delays (and so another trace). */
    @Test
    void anotherSeedGivesAnotherTrace() throws Exception {
        assertThat(run(43)).isNotEqualTo(run(42));
    }

    /** With resets at probability 1, every connection is reset within the given bytes. */
    @AsyncTest
    void seededResetsAtProbabilityOneResetEveryConnection(EventLoop loop) throws Exception {
        SimNetwork net = new SimNetwork(loop, 7).faults(SimFaults.NONE.withResets(1.0, 10));
        Server server = net.host("server").startServer(echoUntilReset(), 7);
        for (int i = 0; i < 4; i++) {
            Connection c = net.host("client").openConnection("server", 7);
            c.writer().write(b("more than ten bytes, so the reset comes"));
            assertThatThrownBy(() -> {
                while (c.reader().read(100).length > 0) {
                    c.writer().write(b("again, more than ten bytes"));
                }
            }).isInstanceOf(IOException.class).hasMessageContaining("Connection reset");
        }
        assertThat(net.connections()).hasSize(4).allMatch(SimConnection::isReset);
        shutdown(server);
    }

    /** Seeded faults on a network without a seed are refused, saying how to seed it. */
    @AsyncTest
    void faultsNeedASeed(EventLoop loop) {
        SimNetwork net = new SimNetwork(loop);
        assertThatThrownBy(() -> net.faults(SimFaults.NONE.withJitter(0.01)))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("new SimNetwork(loop, seed)");
        assertThatThrownBy(() -> SimFaults.NONE.withResets(1.5, 10))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("resetProbability")
                .hasMessageContaining("1.5");
    }
}
