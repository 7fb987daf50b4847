package io.jasyncio;

import static io.jasyncio.Asyncio.await;
import static io.jasyncio.Asyncio.createTask;
import static io.jasyncio.Asyncio.sleep;
import static io.jasyncio.Asyncio.timeout;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** TaskGroup, in its run(...) form and in try-with-resources (test_taskgroups), on virtual time. */
class TaskGroupTest {

    /** Leaving the block awaits every task; each keeps its result. */
    @Test
    void leavingTheBlockAwaitsEveryTask() throws Exception {
        VirtualTimeLoop.run(() -> {
            EventLoop loop = Asyncio.getRunningLoop();
            List<Task<Integer>> tasks = TaskGroup.run(tg -> {
                return List.of(tg.createTask(() -> { sleep(1); return 42; }),
                        tg.createTask(() -> { sleep(2); return 11; }));
            });
            assertThat(loop.time()).isEqualTo(2.0);
            assertThat(tasks.get(0).result()).isEqualTo(42);
            assertThat(tasks.get(1).result()).isEqualTo(11);
        });
    }

    /** A task cancelled on its own is not a failure: the others finish normally. */
    @Test
    void aTaskCancelledOnItsOwnIsNotAFailure() throws Exception {
        VirtualTimeLoop.run(() -> {
            Task<?>[] t = new Task<?>[2];
            TaskGroup.run(tg -> {
                t[0] = tg.createTask(() -> { sleep(1); return 42; });
                sleep(0.5);
                t[0].cancel();
                t[1] = tg.createTask(() -> { sleep(0.2); return 11; });
            });
            assertThat(t[0].cancelled()).isTrue();
            assertThat(t[1].result()).isEqualTo(11);
        });
    }

    /** The first failure cancels the other tasks and the block; the group carries it; the parent is not left cancelled. */
    @Test
    void firstFailureCancelsTheOthersAndTheBlock() throws Exception {
        List<String> trace = new ArrayList<>();
        VirtualTimeLoop.run(() -> {
            EventLoop loop = Asyncio.getRunningLoop();
            ArithmeticException boom = new ArithmeticException("/ by zero");
            Task<?>[] sibling = new Task<?>[1];
            Throwable thrown = catchThrowable(() -> TaskGroup.run(tg -> {
                tg.createTask(() -> {
                    sleep(1);
                    throw boom;
                });
                sibling[0] = tg.createTask(() -> {
                    try {
                        sleep(5);
                    } catch (CancelledError e) {
                        trace.add("sibling cancelled");
                        throw e;
                    }
                });
                try {
                    sleep(10);
                } catch (CancelledError e) {
                    trace.add("block cancelled");
                    throw e;
                }
            }));
            assertThat(thrown).isInstanceOf(ExceptionGroup.class);
            assertThat(((ExceptionGroup) thrown).exceptions()).containsExactly(boom);
            assertThat(sibling[0].cancelled()).isTrue();
            assertThat(loop.time()).isEqualTo(1.0);
            assertThat(Asyncio.currentTask().cancelling()).isZero();
            sleep(1);
        });
        assertThat(trace).containsExactlyInAnyOrder("sibling cancelled", "block cancelled");
    }

    /** Two tasks failing in the same iteration both come back in the group, in the order they failed. */
    @Test
    void twoTasksFailAtOnce() throws Exception {
        IllegalStateException first = new IllegalStateException("first");
        IllegalArgumentException second = new IllegalArgumentException("second");
        VirtualTimeLoop.run(() -> {
            Throwable thrown = catchThrowable(() -> TaskGroup.run(tg -> {
                tg.createTask(() -> {
                    sleep(1);
                    throw first;
                });
                tg.createTask(() -> {
                    sleep(1);
                    throw second;
                });
                sleep(10);
            }));
            assertThat(thrown).isInstanceOf(ExceptionGroup.class);
            assertThat(((ExceptionGroup) thrown).exceptions()).containsExactly(first, second);
            assertThat(thrown.getSuppressed()).contains(first, second);
        });
    }

    /** The parent is cancelled while its tasks are still starting up: they are cancelled, clean up, and the cancellation propagates with its message. */
    @Test
    void parentCancelledWhileTasksAreStarting() throws Exception {
        int[] started = new int[1];
        int[] upAndRunning = new int[1];
        int[] cleanedUp = new int[1];
        List<Task<Void>> children = new ArrayList<>();
        VirtualTimeLoop.run(() -> {
            Task<Void> runner = createTask(() -> TaskGroup.run(tg -> {
                for (int i = 0; i < 5; i++) {
                    children.add(tg.createTask(() -> {
                        started[0]++;
                        try {
                            for (int step = 0; step < 3; step++) {
                                sleep(0);
                            }
                            upAndRunning[0]++;
                            sleep(100);
                        } finally {
                            cleanedUp[0]++;
                        }
                    }));
                }
                sleep(100);
            }));
            sleep(0);
            sleep(0);
            assertThat(started[0]).isEqualTo(5);
            runner.cancel("shutting down");
            assertThatThrownBy(() -> await(runner)).isInstanceOf(CancelledError.class).hasMessage("shutting down");
            assertThat(children).allSatisfy(c -> assertThat(c.cancelled()).isTrue());
            assertThat(Asyncio.allTasks()).containsExactly(Asyncio.currentTask());
        });
        assertThat(upAndRunning[0]).isZero();
        assertThat(cleanedUp[0]).isEqualTo(5);
    }

    /** A block that fails right after creating tasks cancels them before their first step: their bodies never run. */
    @Test
    void aFailingBlockCancelsTasksBeforeTheyStart() throws Exception {
        List<String> trace = new ArrayList<>();
        IllegalStateException bad = new IllegalStateException("bad block");
        VirtualTimeLoop.run(() -> {
            List<Task<Void>> children = new ArrayList<>();
            Throwable thrown = catchThrowable(() -> TaskGroup.run((TaskGroup tg) -> {
                for (int i = 0; i < 3; i++) {
                    children.add(tg.createTask(() -> { trace.add("child ran"); }));
                }
                throw bad;
            }));
            assertThat(((ExceptionGroup) thrown).exceptions()).containsExactly(bad);
            assertThat(children).allSatisfy(c -> assertThat(c.cancelled()).isTrue());
        });
        assertThat(trace).isEmpty();
    }

    /** Nested groups where the inner one fails: the outer cancels its own tasks and nests the inner group (test_taskgroup_14). */
    @Test
    void nestedGroupsWhereTheInnerFails() throws Exception {
        VirtualTimeLoop.run(() -> {
            ArithmeticException crash = new ArithmeticException("inner crash");
            Task<?>[] outerChild = new Task<?>[1];
            Throwable thrown = catchThrowable(() -> TaskGroup.run(outer -> {
                outerChild[0] = outer.createTask(() -> { sleep(10); return "outer child"; });
                TaskGroup.run(inner -> {
                    inner.createTask(() -> { sleep(10); return "inner sibling"; });
                    inner.createTask(() -> {
                        sleep(0.1);
                        throw crash;
                    });
                });
            }));
            assertThat(thrown).isInstanceOf(ExceptionGroup.class);
            List<Throwable> outerErrors = ((ExceptionGroup) thrown).exceptions();
            assertThat(outerErrors).singleElement().isInstanceOf(ExceptionGroup.class);
            assertThat(((ExceptionGroup) outerErrors.get(0)).exceptions()).containsExactly(crash);
            assertThat(outerChild[0].cancelled()).isTrue();
            assertThat(Asyncio.getRunningLoop().time()).isEqualTo(0.1);
        });
    }

    /** A timeout inside a group inside a timeout: the inner expiry is handled in the block, the group finishes, the outer never fires. */
    @Test
    void timeoutInsideTaskGroupInsideTimeout() throws Exception {
        List<String> trace = new ArrayList<>();
        String r = VirtualTimeLoop.run(() -> timeout(10, () -> TaskGroup.run(tg -> {
            Task<String> child = tg.createTask(() -> { sleep(5); return "child"; });
            try {
                timeout(1, () -> sleep(3));
            } catch (TimeoutError e) {
                trace.add("inner timeout at " + Asyncio.getRunningLoop().time());
            }
            await(child);
            return child.result() + " done at " + Asyncio.getRunningLoop().time();
        })));
        assertThat(trace).containsExactly("inner timeout at 1.0");
        assertThat(r).isEqualTo("child done at 5.0");
    }

    /** The outer timeout expires inside the group: the group cancels its tasks and the timeout raises TimeoutError. */
    @Test
    void outerTimeoutExpiresInsideTheGroup() throws Exception {
        VirtualTimeLoop.run(() -> {
            EventLoop loop = Asyncio.getRunningLoop();
            Task<?>[] child = new Task<?>[1];
            assertThatThrownBy(() -> timeout(2, () -> TaskGroup.run(tg -> {
                child[0] = tg.createTask(() -> sleep(100));
                sleep(100);
            }))).isInstanceOf(TimeoutError.class);
            assertThat(loop.time()).isEqualTo(2.0);
            assertThat(child[0].cancelled()).isTrue();
            assertThat(Asyncio.currentTask().cancelling()).isZero();
        });
    }

    /** A timeout that expires while the group waits for its tasks at the end of the block also raises TimeoutError. */
    @Test
    void timeoutExpiresWhileLeavingTheGroup() throws Exception {
        VirtualTimeLoop.run(() -> {
            Task<?>[] child = new Task<?>[1];
            assertThatThrownBy(() -> timeout(2, () -> TaskGroup.run(tg -> {
                child[0] = tg.createTask(() -> sleep(100));
            }))).isInstanceOf(TimeoutError.class);
            assertThat(child[0].cancelled()).isTrue();
        });
    }

    /** A timeout inside a task of the group is that task's business: the group is unaffected. */
    @Test
    void timeoutInsideAChildStaysInTheChild() throws Exception {
        String r = VirtualTimeLoop.run(() -> TaskGroup.run(tg -> {
            Task<String> child = tg.createTask(() -> {
                try {
                    return timeout(1, () -> { sleep(5); return "slow"; });
                } catch (TimeoutError e) {
                    return "fallback";
                }
            });
            tg.createTask(() -> sleep(2));
            return child;
        }).result());
        assertThat(r).isEqualTo("fallback");
    }

    /** The block's own exception joins the group and cancels the tasks (test_taskgroup_09). */
    @Test
    void theBlocksExceptionJoinsTheGroup() throws Exception {
        VirtualTimeLoop.run(() -> {
            IllegalStateException bad = new IllegalStateException("block");
            Task<?>[] t = new Task<?>[2];
            Throwable thrown = catchThrowable(() -> TaskGroup.run((TaskGroup tg) -> {
                t[0] = tg.createTask(() -> sleep(1));
                t[1] = tg.createTask(() -> sleep(2));
                sleep(0.1);
                throw bad;
            }));
            assertThat(((ExceptionGroup) thrown).exceptions()).containsExactly(bad);
            assertThat(t[0].cancelled() && t[1].cancelled()).isTrue();
        });
    }

    /** A block that answers its cancellation with another exception: that exception comes back as a group (test_taskgroup_18). */
    @Test
    void blockRaisingWhileCancelledJoinsTheGroup() throws Exception {
        VirtualTimeLoop.run(() -> {
            IllegalStateException mine = new IllegalStateException("raised on cancel");
            Task<Void> runner = createTask(() -> TaskGroup.run(tg -> {
                try {
                    sleep(10);
                } catch (CancelledError e) {
                    throw mine;
                }
            }));
            sleep(0.1);
            runner.cancel();
            Throwable thrown = catchThrowable(() -> await(runner));
            assertThat(((ExceptionGroup) thrown).exceptions()).containsExactly(mine);
        });
    }

    /** A task failing after the block ended, while the group waits, makes the group fail; the parent is not cancelled. */
    @Test
    void failureWhileLeavingTheBlock() throws Exception {
        VirtualTimeLoop.run(() -> {
            IllegalStateException late = new IllegalStateException("late");
            Task<?>[] other = new Task<?>[1];
            Throwable thrown = catchThrowable(() -> TaskGroup.run(tg -> {
                tg.createTask(() -> {
                    sleep(1);
                    throw late;
                });
                other[0] = tg.createTask(() -> sleep(10));
            }));
            assertThat(((ExceptionGroup) thrown).exceptions()).containsExactly(late);
            assertThat(other[0].cancelled()).isTrue();
            assertThat(Asyncio.currentTask().cancelling()).isZero();
        });
    }

    /** Failures take priority over a cancellation of the parent from outside, which stays pending for the next suspension. */
    @Test
    void failuresTakePriorityOverAnOutsideCancellation() throws Exception {
        VirtualTimeLoop.run(() -> {
            IllegalStateException failure = new IllegalStateException("failure");
            List<String> trace = new ArrayList<>();
            Task<Void> runner = createTask(() -> {
                try {
                    TaskGroup.run(tg -> {
                        tg.createTask(() -> {
                            sleep(1);
                            throw failure;
                        });
                        sleep(10);
                    });
                } catch (ExceptionGroup e) {
                    trace.add("group " + e.exceptions());
                }
                sleep(1);
                trace.add("not reached");
            });
            // The child fails at t=1 and its done callback runs at the next iteration; cancel the runner in between.
            Asyncio.getRunningLoop().callLater(1.0, () -> Asyncio.getRunningLoop().callSoon(runner::cancel));
            assertThatThrownBy(() -> await(runner)).isInstanceOf(CancelledError.class);
            assertThat(trace).containsExactly("group [" + failure + "]");
        });
    }

    /** Adding a task to a finished group, or to one that is shutting down, fails clearly. */
    @Test
    void createTaskAfterCloseOrDuringShutdownFails() throws Exception {
        VirtualTimeLoop.run(() -> {
            TaskGroup[] kept = new TaskGroup[1];
            TaskGroup.run(tg -> {
                kept[0] = tg;
                tg.createTask(() -> sleep(1));
            });
            assertThatThrownBy(() -> kept[0].createTask(() -> 1)).isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("is finished");
            List<Throwable> refused = new ArrayList<>();
            assertThatThrownBy(() -> TaskGroup.run(tg -> {
                tg.createTask(() -> {
                    sleep(1);
                    throw new IllegalStateException("fail");
                });
                try {
                    sleep(10);
                } catch (CancelledError e) {
                    try {
                        tg.createTask(() -> 2);
                    } catch (IllegalStateException refusal) {
                        refused.add(refusal);
                    }
                    throw e;
                }
            })).isInstanceOf(ExceptionGroup.class);
            assertThat(refused).singleElement().satisfies(e -> assertThat(e).hasMessageContaining("shutting down"));
        });
    }

    /** A group can only be opened inside a task. */
    @Test
    void groupOutsideATaskFails() {
        assertThatThrownBy(TaskGroup::new).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("inside a task");
    }

    /** Try-with-resources: leaving a block that completes normally awaits every task. */
    @Test
    void tryWithResourcesAwaitsEveryTask() throws Exception {
        VirtualTimeLoop.run(() -> {
            Task<Integer> a;
            Task<Integer> b;
            try (TaskGroup tg = new TaskGroup()) {
                a = tg.createTask(() -> { sleep(1); return 1; });
                b = tg.createTask(() -> { sleep(3); return 2; });
            }
            assertThat(a.result() + b.result()).isEqualTo(3);
            assertThat(Asyncio.getRunningLoop().time()).isEqualTo(3.0);
        });
    }

    /** Try-with-resources: failures after the block are thrown by close() and caught right after it. */
    @Test
    void tryWithResourcesFailureAfterTheBlockIsCatchable() throws Exception {
        List<Throwable> caught = new ArrayList<>();
        IllegalStateException boom = new IllegalStateException("boom");
        VirtualTimeLoop.run(() -> {
            try (TaskGroup tg = new TaskGroup()) {
                tg.createTask(() -> {
                    sleep(1);
                    throw boom;
                });
                tg.createTask(() -> sleep(10));
            } catch (ExceptionGroup e) {
                caught.addAll(e.exceptions());
            }
        });
        assertThat(caught).containsExactly(boom);
    }

    /** Try-with-resources: a failure while the block is suspended leaves the block as CancelledError, but the task fails with the group, not cancelled. */
    @Test
    void tryWithResourcesFailureDuringTheBlockFailsTheTaskWithTheGroup() throws Exception {
        VirtualTimeLoop.run(() -> {
            IllegalStateException boom = new IllegalStateException("boom");
            List<Throwable> leftTheBlock = new ArrayList<>();
            Task<Void> runner = createTask(() -> {
                try {
                    try (TaskGroup tg = new TaskGroup()) {
                        tg.createTask(() -> {
                            sleep(1);
                            throw boom;
                        });
                        sleep(10);
                    }
                } catch (CancelledError e) {
                    leftTheBlock.add(e);
                    throw e;
                }
            });
            Throwable thrown = catchThrowable(() -> await(runner));
            assertThat(runner.cancelled()).isFalse();
            assertThat(thrown).isInstanceOf(ExceptionGroup.class);
            assertThat(((ExceptionGroup) thrown).exceptions()).containsExactly(boom);
            assertThat(leftTheBlock).singleElement().satisfies(e -> assertThat(e.getSuppressed()).contains(thrown));
        });
    }

    /** Try-with-resources inside run: the replaced cancellation reaches the enclosing group as the inner group. */
    @Test
    void tryWithResourcesInsideRunNestsTheGroup() throws Exception {
        VirtualTimeLoop.run(() -> {
            IllegalStateException boom = new IllegalStateException("boom");
            Throwable thrown = catchThrowable(() -> TaskGroup.run(outer -> {
                try (TaskGroup tg = new TaskGroup()) {
                    tg.createTask(() -> {
                        sleep(1);
                        throw boom;
                    });
                    sleep(10);
                }
            }));
            List<Throwable> errors = ((ExceptionGroup) thrown).exceptions();
            assertThat(errors).singleElement().isInstanceOf(ExceptionGroup.class);
            assertThat(((ExceptionGroup) errors.get(0)).exceptions()).containsExactly(boom);
        });
    }

    /** Try-with-resources: cancelling the parent cancels the tasks and the cancellation propagates. */
    @Test
    void tryWithResourcesParentCancelledCancelsTasks() throws Exception {
        VirtualTimeLoop.run(() -> {
            List<Task<Void>> children = new ArrayList<>();
            Task<Void> runner = createTask(() -> {
                try (TaskGroup tg = new TaskGroup()) {
                    for (int i = 0; i < 3; i++) {
                        children.add(tg.createTask(() -> sleep(100)));
                    }
                    sleep(100);
                }
            });
            sleep(1);
            runner.cancel();
            assertThatThrownBy(() -> await(runner)).isInstanceOf(CancelledError.class);
            assertThat(runner.cancelled()).isTrue();
            assertThat(children).allSatisfy(c -> assertThat(c.cancelled()).isTrue());
        });
    }

    /** Cancelling the parent while it waits at the end of the block cancels the tasks and ends the parent cancelled. */
    @Test
    void parentCancelledWhileLeavingTheBlock() throws Exception {
        VirtualTimeLoop.run(() -> {
            Task<?>[] child = new Task<?>[1];
            Task<Void> runner = createTask(() -> TaskGroup.run(tg -> {
                child[0] = tg.createTask(() -> sleep(100));
            }));
            sleep(1);
            runner.cancel();
            assertThatThrownBy(() -> await(runner)).isInstanceOf(CancelledError.class);
            assertThat(child[0].cancelled()).isTrue();
        });
    }
}
