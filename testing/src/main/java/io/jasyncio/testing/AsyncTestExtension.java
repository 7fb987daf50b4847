package io.jasyncio.testing;

import io.jasyncio.EventLoop;
import java.lang.reflect.Method;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.InvocationInterceptor;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolutionException;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.jupiter.api.extension.ReflectiveInvocationContext;
import org.junit.platform.commons.support.AnnotationSupport;
import org.junit.platform.commons.support.ReflectionSupport;

/**
 * The JUnit 5 extension behind {@link AsyncTest}: runs the test method's body as the main
 * coroutine of a fresh {@link TestLoop}, once per planned seed, each run checked by
 * {@link CheckedRun}, and injects the loop and its clock.
 *
 * <p>JUnit resolves parameters once, before the method is invoked, so the loop of the first run
 * is made then and kept in the method's extension store (closed with it if the method never
 * runs); each later seed gets a fresh loop, and injected parameters are replaced by that run's
 * loop and clock. Stateless: one instance may serve tests on several threads at once.
 *
 * <p>For example:
 * {@snippet class=io.jasyncio.testing.snippets.TestingSnippetsTest region=asyncTest}
 */
public final class AsyncTestExtension implements InvocationInterceptor, ParameterResolver {

    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(AsyncTestExtension.class);

    /** Creates the extension; JUnit does, through {@link AsyncTest}. */
    public AsyncTestExtension() {
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        Class<?> type = parameter.getParameter().getType();
        return config(context).isPresent()
                && context.getTestMethod().map(m -> m.equals(parameter.getDeclaringExecutable())).orElse(false)
                && (type == EventLoop.class || type == TestLoop.class || type == VirtualClock.class);
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        AsyncTest test = config(context).orElseThrow();
        TestLoop loop = firstLoop(context, test);
        if (parameter.getParameter().getType() == VirtualClock.class) {
            if (!loop.isVirtualTime()) {
                throw new ParameterResolutionException("@AsyncTest(virtualTime = false) runs on real time: "
                        + "it has no VirtualClock to inject");
            }
            return loop.virtualClock();
        }
        return loop;
    }

    @Override
    public void interceptTestMethod(Invocation<Void> invocation, ReflectiveInvocationContext<Method> call,
            ExtensionContext context) throws Throwable {
        AsyncTest test = config(context).orElseThrow();
        invocation.skip(); // the body runs below, on the loop, once per seed
        List<OptionalLong> seeds = SeedPlan.of(test);
        FirstLoop first = context.getStore(NAMESPACE).remove(FirstLoop.class, FirstLoop.class);
        for (int i = 0; i < seeds.size(); i++) {
            OptionalLong seed = seeds.get(i);
            TestLoop loop = i == 0 && first != null ? first.loop : newLoop(test, seed);
            Object[] args = arguments(call, loop);
            Method method = call.getExecutable();
            Object target = call.getTarget().orElse(null);
            try {
                CheckedRun.run(loop, () -> ReflectionSupport.invokeMethod(method, target, args), test.timeout());
            } catch (Throwable failure) {
                if (seed.isPresent()) {
                    throw new SeedFailure(seed.getAsLong(), i + 1, seeds.size(), failure);
                }
                throw failure;
            }
        }
    }

    private static Object[] arguments(ReflectiveInvocationContext<Method> call, TestLoop loop) {
        Object[] args = call.getArguments().toArray();
        Class<?>[] types = call.getExecutable().getParameterTypes();
        for (int i = 0; i < args.length; i++) {
            if (types[i] == EventLoop.class || types[i] == TestLoop.class) {
                args[i] = loop;
            } else if (types[i] == VirtualClock.class) {
                args[i] = loop.virtualClock();
            }
        }
        return args;
    }

    private static TestLoop firstLoop(ExtensionContext context, AsyncTest test) {
        return context.getStore(NAMESPACE)
                .getOrComputeIfAbsent(FirstLoop.class, k -> new FirstLoop(newLoop(test, SeedPlan.of(test).get(0))),
                        FirstLoop.class)
                .loop;
    }

    private static TestLoop newLoop(AsyncTest test, OptionalLong seed) {
        return TestLoop.builder().virtualTime(test.virtualTime()).autoJump(test.autoJump()).seed(seed).build();
    }

    private static Optional<AsyncTest> config(ExtensionContext context) {
        return AnnotationSupport.findAnnotation(context.getTestMethod(), AsyncTest.class);
    }

    /** The first run's loop, made when parameters are resolved; closed with the store (JUnit closes AutoCloseable values) if unused. */
    private record FirstLoop(TestLoop loop) implements AutoCloseable {
        @Override
        public void close() {
            if (!loop.isRunning()) {
                loop.close();
            }
        }
    }
}
