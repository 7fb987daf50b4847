package io.jasyncio.testing;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Marks a JUnit 5 test whose body runs as the main coroutine of a fresh {@link TestLoop}: the
 * body may sleep, await and create tasks directly, as in {@code Asyncio.run}.
 *
 * {@snippet class=io.jasyncio.testing.snippets.TestingSnippetsTest region=asyncTest}
 *
 * <p>The test fails, naming what is wrong, if the body leaves tasks pending (they are then
 * cancelled), if a task's exception was never retrieved, or if anything else reached the loop's
 * exception handler; if, on virtual time, it deadlocks (every task blocked, no timer pending,
 * nothing outside the loop at work, for a quarter of a second of real time), with a dump of the
 * tasks; and if it has not finished after {@link #timeout()} seconds of real time, with a dump of
 * the pending tasks. Parameters of type {@link io.jasyncio.EventLoop}, {@link TestLoop}
 * and {@link VirtualClock} are injected; other parameters are resolved by JUnit as usual.
 *
 * <p><b>Seeds.</b> With {@link #seed()}, the loop's schedule is permuted by that seed (see
 * {@link TestLoop}); with {@link #seeds()} {@code = N}, the body runs N times, under seeds
 * {@code seed, seed + 1, ...} (from 0 when no seed is given), each on a fresh loop, and the first
 * failing seed fails the test as a {@link SeedFailure} that names it. The system property
 * {@code jasyncio.seed} replaces the seeds of every seeded test by one, to replay a failure. A test
 * with neither runs in plain FIFO order.
 */
@Target({ElementType.METHOD, ElementType.ANNOTATION_TYPE})
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Test
@ExtendWith(AsyncTestExtension.class)
public @interface AsyncTest {

    /** The value of {@link #seed()} that means "no seed". */
    long NO_SEED = Long.MIN_VALUE;

    /** @return whether the loop runs on a {@link VirtualClock} (else on real time) */
    boolean virtualTime() default true;

    /** @return whether the virtual clock jumps to the next timer when every task is blocked */
    boolean autoJump() default true;

    /** @return the schedule seed, or {@link #NO_SEED} */
    long seed() default NO_SEED;

    /** @return how many seeds to run the body under, from {@link #seed()} (or 0) upwards */
    int seeds() default 1;

    /** @return the longest the test may take, in seconds of real time; 0 for no limit */
    double timeout() default 30;
}
