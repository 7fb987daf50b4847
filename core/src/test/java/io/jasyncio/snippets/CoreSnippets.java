package io.jasyncio.snippets;

import static io.jasyncio.Asyncio.await;
import static io.jasyncio.Asyncio.createTask;
import static io.jasyncio.Asyncio.gather;
import static io.jasyncio.Asyncio.run;
import static io.jasyncio.Asyncio.sleep;

import io.jasyncio.AsCompleted;
import io.jasyncio.AsyncIterator;
import io.jasyncio.Asyncio;
import io.jasyncio.CancelledError;
import io.jasyncio.Clock;
import io.jasyncio.ContextVar;
import io.jasyncio.Coroutine;
import io.jasyncio.EventLoop;
import io.jasyncio.ExceptionGroup;
import io.jasyncio.Future;
import io.jasyncio.Generator;
import io.jasyncio.GeneratorExit;
import io.jasyncio.Handle;
import io.jasyncio.InvalidStateError;
import io.jasyncio.ReturnWhen;
import io.jasyncio.Task;
import io.jasyncio.TaskGroup;
import io.jasyncio.TaskTree;
import io.jasyncio.Timeout;
import io.jasyncio.TimeoutError;
import io.jasyncio.TimerHandle;
import io.jasyncio.VoidCoroutine;
import io.jasyncio.WaitResult;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The examples in the Javadoc of package {@code io.jasyncio}: each region is pulled into a class
 * comment by {@code {@snippet class=... region=...}}, and {@code CoreSnippetsTest} runs them.
 */
public final class CoreSnippets {

    private CoreSnippets() {
    }

    /** Stands in for real I/O in the examples: "downloads" a page after a short wait. */
    static String fetch(String url) {
        sleep(0.01);
        return "<html>" + url + "</html>";
    }

    /** Asyncio's hello world. */
    public static void main(String[] args) throws Exception {
        // @start region="asyncio"
        // import static io.jasyncio.Asyncio.*;
        run(() -> {
            Task<Void> task = createTask(() -> {
                sleep(1);
                System.out.println("Hello, world!");
            });
            await(task);
        });
        // @end
    }

    static List<String> gatherPages() throws Exception {
        // @start region="gather"
        List<String> pages = run(() -> gather(
                () -> fetch("https://example.com/a"),
                () -> fetch("https://example.com/b")));    // results in argument order
        // @end
        return pages;
    }

    static String coroutine() throws Exception {
        // @start region="coroutine"
        Coroutine<String> hello = () -> {
            Asyncio.sleep(0.1);
            return "Hello, world!";
        };
        String s = Asyncio.run(hello);
        // @end
        return s;
    }

    static List<String> voidCoroutine() throws Exception {
        List<String> out = new ArrayList<>();
        // @start region="voidCoroutine"
        VoidCoroutine greet = () -> {
            Asyncio.sleep(0.1);
            out.add("Hello, world!");          // a body with no return value
        };
        Asyncio.run(greet);
        Asyncio.run(() -> Asyncio.await(Coroutine.of(greet)));   // as a Coroutine<Void>
        // @end
        return out;
    }

    static List<String> asCompleted() throws Exception {
        return run(() -> {
            List<String> urls = List.of("https://example.com/a", "https://example.com/b");
            // @start region="asCompleted"
            List<Task<String>> tasks = new ArrayList<>();
            for (String url : urls) {
                tasks.add(createTask(() -> fetch(url)));
            }
            List<String> pages = new ArrayList<>();
            AsCompleted<String> inOrderOfCompletion = Asyncio.asCompleted(tasks, 10);
            for (Future<String> next : inOrderOfCompletion) {
                pages.add(Asyncio.await(next));      // the earliest result first
            }
            // @end
            return pages;
        });
    }

    static List<Integer> asyncIterator() throws Exception {
        return run(() -> {
            List<Integer> seen = new ArrayList<>();
            // @start region="asyncIterator"
            // async for n in ticks(): ...
            Generator<Void, Integer> ticks = Generator.of(y -> {
                for (int i = 0; i < 3; i++) {
                    Asyncio.sleep(0.01);             // an asynchronous generator may suspend
                    y.yield(i);
                }
            });
            try (AsyncIterator<Integer> it = ticks) {
                while (it.hasNext()) {
                    seen.add(it.next());
                }
            }
            // or, shorter:
            AsyncIterator<Integer> more = Generator.<Void, Integer>of(y -> y.yield(42));
            more.asyncFor(n -> seen.add(n));
            // @end
            return seen;
        });
    }

    static String cancelledError() throws Exception {
        return run(() -> {
            // @start region="cancelledError"
            Task<String> slow = createTask(() -> {
                try {
                    sleep(3600);
                    return "finished";
                } catch (CancelledError e) {
                    // clean up here, then let the cancellation propagate
                    throw e;
                }
            });
            sleep(0);                  // let it start
            slow.cancel("no longer needed");
            try {
                await(slow);
            } catch (CancelledError e) {   // an Error: a plain catch (Exception e) does not swallow it
                return "cancelled: " + e.getMessage();
            }
            // @end
            return "not cancelled";
        });
    }

    static double clock() throws Exception {
        // @start region="clock"
        // A clock whose time starts at zero when the loop is made (the testing module's
        // VirtualClock is a clock that only moves when the loop would otherwise wait).
        long origin = System.nanoTime();
        Clock fromZero = () -> System.nanoTime() - origin;
        try (EventLoop loop = EventLoop.create(fromZero)) {
            Task<Double> t = loop.createTask(() -> {
                Asyncio.sleep(0.1);
                return loop.time();               // a little over 0.1: seconds since the loop was made
            });
            return loop.runUntilComplete(t);
        }
        // @end
    }

    // @start region="contextVar"
    static final ContextVar<String> REQUEST_ID = new ContextVar<>("request_id", "-");

    static String handle() throws Exception {
        // every task created here sees the value set by the caller
        return Asyncio.await(createTask(() -> "handled " + REQUEST_ID.get()));
    }

    static String serve(String requestId) throws Exception {
        ContextVar.Token<String> t = REQUEST_ID.set(requestId);
        try {
            return handle();
        } finally {
            REQUEST_ID.reset(t);
        }
    }
    // @end

    static String contextVar() throws Exception {
        return run(() -> serve("abc"));
    }

    static String eventLoop() throws Exception {
        // @start region="eventLoop"
        try (EventLoop loop = EventLoop.create()) {
            Task<String> t = loop.createTask(() -> {
                Asyncio.sleep(0.01);
                return "done";
            });
            return loop.runUntilComplete(t);
        }
        // @end
    }

    static List<String> exceptionGroup() throws Exception {
        return run(() -> {
            // @start region="exceptionGroup"
            List<String> failures = new ArrayList<>();
            try (TaskGroup tg = new TaskGroup()) {
                tg.createTask(() -> {
                    throw new IllegalStateException("first");
                });
                tg.createTask(() -> {
                    throw new IllegalArgumentException("second");
                });
            } catch (ExceptionGroup group) {
                for (Throwable failure : group.exceptions()) {    // the originals, never wrapped
                    failures.add(failure.getMessage());
                }
            }
            // @end
            return failures;
        });
    }

    static List<Object> exceptionHandler() throws Exception {
        List<Object> reported = new CopyOnWriteArrayList<>();
        run(() -> {
            // @start region="exceptionHandler"
            EventLoop loop = Asyncio.getRunningLoop();
            loop.setExceptionHandler((l, context) -> {
                // "message" is always there; "exception", "task", "handle" where they apply
                reported.add(context.get("exception"));
            });
            loop.callSoon(() -> {
                throw new IllegalStateException("a callback failed");
            });
            Asyncio.sleep(0.01);
            // @end
        });
        return reported;
    }

    static String future() throws Exception {
        return run(() -> {
            // @start region="future"
            EventLoop loop = Asyncio.getRunningLoop();
            Future<String> answer = loop.createFuture();
            loop.callLater(0.01, () -> answer.setResult("42"));   // someone else completes it
            answer.addDoneCallback(f -> System.out.println("done: " + f));
            String value = Asyncio.await(answer);                  // suspends until then
            // @end
            return value;
        });
    }

    static List<String> generator() {
        List<String> out = new ArrayList<>();
        // @start region="generator"
        Generator<Integer, String> consumer = Generator.of(y -> {
            String r = "";
            while (true) {
                Integer n = y.yield(r);
                if (n == null) {
                    return;
                }
                out.add("[CONSUMER] Consuming " + n + "...");
                r = "200 OK";
            }
        });
        consumer.send(null);              // start it: runs to the first yield
        String r = consumer.send(1);      // "200 OK"
        consumer.close();                 // GeneratorExit at the yield; finally blocks run

        for (int i : Generator.<Void, Integer>of(y -> {
            for (int k = 0; k < 3; k++) {
                y.yield(k);
            }
        })) {
            out.add("got " + i);
        }
        // @end
        out.add(r);
        return out;
    }

    static boolean generatorExit() {
        boolean[] cleanedUp = {false};
        // @start region="generatorExit"
        Generator<Void, String> lines = Generator.of(y -> {
            try {
                while (true) {
                    y.yield("line");
                }
            } catch (GeneratorExit e) {
                cleanedUp[0] = true;      // close() raised GeneratorExit at the yield
                throw e;                  // let it finish the generator
            }
        });
        lines.next();
        lines.close();
        // @end
        return cleanedUp[0];
    }

    static List<String> handles() throws Exception {
        List<String> ran = new CopyOnWriteArrayList<>();
        run(() -> {
            // @start region="handle"
            EventLoop loop = Asyncio.getRunningLoop();
            Handle soon = loop.callSoon(() -> ran.add("soon"));
            TimerHandle later = loop.callLater(0.05, () -> ran.add("later"));
            TimerHandle never = loop.callAt(loop.time() + 60, () -> ran.add("never"));
            never.cancel();                        // a cancelled callback does not run
            Asyncio.sleep(later.when() - loop.time() + 0.01);
            // @end
            ran.add(soon.cancelled() ? "?" : "ok");
        });
        return ran;
    }

    static String invalidState() throws Exception {
        return run(() -> {
            // @start region="invalidState"
            Future<String> f = Asyncio.getRunningLoop().createFuture();
            try {
                f.result();                          // not done yet
            } catch (InvalidStateError e) {
                f.setResult("ready");
            }
            // @end
            return f.result();
        });
    }

    static int waitResult() throws Exception {
        return run(() -> {
            // @start region="wait"
            List<Task<String>> tasks = List.of(
                    createTask(() -> fetch("https://example.com/fast")),
                    createTask(() -> {
                        sleep(3600);
                        return "slow";
                    }));
            // Asyncio.wait must be called qualified: Object.wait shadows a static import
            WaitResult<String> r = Asyncio.wait(tasks, 5.0, ReturnWhen.FIRST_COMPLETED);
            for (Future<String> f : r.pending()) {
                f.cancel();
            }
            // @end
            return r.done().size();
        });
    }

    static String task() throws Exception {
        return run(() -> {
            // @start region="task"
            Task<String> download = createTask(() -> fetch("https://example.com/"), "download");
            download.getName();                      // "download"
            String page = await(download);           // the task's result, or its exception
            // @end
            return page;
        });
    }

    static List<String> taskGroup() throws Exception {
        return run(() -> {
            String urlA = "https://example.com/a";
            String urlB = "https://example.com/b";
            List<String> log = new ArrayList<>();
            // @start region="taskGroup"
            List<Task<String>> fetched = TaskGroup.run(tg -> {    // the preferred form
                return List.of(tg.createTask(() -> fetch(urlA)), tg.createTask(() -> fetch(urlB)));
            });
            String a = fetched.get(0).result();                  // every task of the group is done here

            try (TaskGroup tg = new TaskGroup()) {               // try-with-resources: see below
                tg.createTask(() -> log.add(fetch(urlB)));
            }
            // @end
            log.add(0, a);
            return log;
        });
    }

    static String taskTree() throws Exception {
        return run(() -> {
            // @start region="taskTree"
            Task<Void> worker = createTask(() -> sleep(3600), "fetch-a");
            sleep(0);
            TaskTree tree = Asyncio.taskTree();
            String dump = tree.toString();   // one line per task, children indented under parents
            worker.cancel();
            // @end
            return dump;
        });
    }

    static String timeout() throws Exception {
        return run(() -> {
            String url = "https://example.com/";
            String next = "https://example.com/next";
            // @start region="timeout"
            Timeout t = Asyncio.timeout(10);
            String page = t.run(() -> {
                String first = fetch(url);
                t.reschedule(t.when() + 5);      // a slow site: give it five more seconds
                return first + fetch(next);
            });                                   // TimeoutError if the deadline passes first
            // @end
            return page;
        });
    }

    static String timeoutError() throws Exception {
        return run(() -> {
            // @start region="timeoutError"
            try {
                return Asyncio.waitFor(() -> {
                    sleep(3600);
                    return "too late";
                }, 0.05);
            } catch (TimeoutError e) {               // the slow call was cancelled
                return "gave up";
            }
            // @end
        });
    }

    static Map<String, Integer> shield() throws Exception {
        return run(() -> {
            // @start region="shield"
            Task<Integer> payment = createTask(() -> {
                sleep(0.01);
                return 100;
            });
            Integer charged = await(Asyncio.shield(payment));   // if this task is cancelled, the payment still completes
            // @end
            return Map.of("charged", charged);
        });
    }
}
