package io.jasyncio.examples;

import io.jasyncio.Generator;

/**
 * The seeds' generator-based producer/consumer ("协程版"), line for line, with no event loop:
 *
 * <pre>{@code
 * def consumer():
 *     r = ''
 *     while True:
 *         n = yield r
 *         if not n:
 *             return
 *         print(f'[CONSUMER] Consuming {n}...')
 *         r = '200 OK'
 *
 * def produce(c):
 *     c.send(None)
 *     n = 0
 *     while n < 5:
 *         n += 1
 *         print(f'[PRODUCER] Producing {n}...')
 *         r = c.send(n)
 *         print(f'[PRODUCER] Consumer return: {r}')
 *     c.close()
 *
 * c = consumer()
 * produce(c)
 * }</pre>
 */
public final class ProducerConsumer {

    private ProducerConsumer() {
    }

    static Generator<Integer, String> consumer() {
        return Generator.of(y -> {
            String r = "";
            while (true) {
                Integer n = y.yield(r);
                if (n == null || n == 0) {
                    return;
                }
                System.out.println("[CONSUMER] Consuming " + n + "...");
                r = "200 OK";
            }
        });
    }

    static void produce(Generator<Integer, String> c) {
        c.send(null);
        int n = 0;
        while (n < 5) {
            n += 1;
            System.out.println("[PRODUCER] Producing " + n + "...");
            String r = c.send(n);
            System.out.println("[PRODUCER] Consumer return: " + r);
        }
        c.close();
    }

    /**
     * @param args unused
     */
    public static void main(String[] args) {
        Generator<Integer, String> c = consumer();
        produce(c);
    }
}
