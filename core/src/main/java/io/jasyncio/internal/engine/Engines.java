package io.jasyncio.internal.engine;

/**
 * Chooses the task engine once per JVM: the fast engine when {@code java.lang} is open to
 * jasyncio, the fallback otherwise, saying once, clearly, which flag makes it fast. The choice is
 * made lazily and never inside a static initializer, so a failure cannot leave a class unusable.
 *
 * <p>The system property {@code jasyncio.engine} ({@code fast} or {@code fallback}) forces a
 * choice; {@code fast} without the flag still falls back, with the reason.
 */
public final class Engines {

    /** The JVM option that turns the fast engine on. */
    public static final String FAST_FLAG = "--add-opens java.base/java.lang=ALL-UNNAMED";

    private static volatile TaskEngine chosen;

    private Engines() {
    }

    /** @return the engine every loop of this JVM uses */
    public static TaskEngine get() {
        TaskEngine e = chosen;
        if (e == null) {
            synchronized (Engines.class) {
                e = chosen;
                if (e == null) {
                    e = choose();
                    chosen = e;
                }
            }
        }
        return e;
    }

    private static TaskEngine choose() {
        String forced = System.getProperty("jasyncio.engine", "").trim();
        if (forced.equals("fallback")) {
            return new HandoffEngine();
        }
        boolean open = Object.class.getModule().isOpen("java.lang", Engines.class.getModule());
        String reason;
        if (open) {
            try {
                return LoopScheduledEngine.create();
            } catch (Throwable t) {
                reason = "the JDK's virtual-thread builder could not be used (" + t + ")";
            }
        } else {
            reason = "java.lang is not open to jasyncio";
        }
        System.getLogger("io.jasyncio").log(System.Logger.Level.WARNING,
                "jasyncio runs tasks on its fallback engine because " + reason + ". Task switches are "
                + "slower and a blocking call inside a task blocks its event loop. Start the JVM with "
                + FAST_FLAG + " to run each task as a virtual thread scheduled by its event loop.");
        return new HandoffEngine();
    }
}
