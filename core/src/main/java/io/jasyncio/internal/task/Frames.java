package io.jasyncio.internal.task;

import java.security.CodeSource;
import java.util.Arrays;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Stack frames for task introspection: which frames are the library's (jasyncio's own classes and
 * the JDK) and which are the user's, so that a creation site or a waiting point can be shown as
 * the user's line.
 *
 * <p>A class counts as jasyncio's when its name starts with {@code io.jasyncio.} and it was loaded
 * from the same code source as this class (so an application or a test in the
 * {@code io.jasyncio} package still counts as the user). Answers are cached per class name.
 * Thread-safe.
 */
public final class Frames {

    private static final ConcurrentHashMap<String, Boolean> LIBRARY = new ConcurrentHashMap<>();
    private static final String LIBRARY_LOCATION = location(Frames.class);

    private Frames() {
    }

    /**
     * @param e a frame
     * @return whether it belongs to the JDK or to jasyncio itself
     */
    public static boolean isLibrary(StackTraceElement e) {
        String c = e.getClassName();
        if (c.startsWith("java.") || c.startsWith("jdk.") || c.startsWith("sun.") || c.startsWith("javax.")) {
            return true;
        }
        if (!c.startsWith("io.jasyncio.")) {
            return false;
        }
        return LIBRARY.computeIfAbsent(c, Frames::loadedWithLibrary);
    }

    private static boolean loadedWithLibrary(String className) {
        if (className.startsWith("io.jasyncio.internal.")) {
            return true;
        }
        try {
            Class<?> c = Class.forName(className, false, Frames.class.getClassLoader());
            String loc = location(c);
            return loc != null && loc.equals(LIBRARY_LOCATION);
        } catch (ReflectiveOperationException | LinkageError | SecurityException e) {
            return false;
        }
    }

    private static String location(Class<?> c) {
        CodeSource cs = c.getProtectionDomain().getCodeSource();
        return cs == null || cs.getLocation() == null ? null : cs.getLocation().toString();
    }

    /**
     * @param stack a stack, innermost frame first
     * @return the stack without its leading library frames (where a task was created, say)
     */
    public static StackTraceElement[] fromFirstUserFrame(StackTraceElement[] stack) {
        int i = 0;
        while (i < stack.length && isLibrary(stack[i])) {
            i++;
        }
        return i == stack.length ? stack : Arrays.copyOfRange(stack, i, stack.length);
    }

    /**
     * Describes where a suspended task waits: the library call it is in and the user's line that
     * called it, as {@code "in Asyncio.sleep at app.Main.work(Main.java:20)"}, or just the
     * user's frame ({@code "at ..."}) when the task is parked directly in user code.
     *
     * @param stack the task's stack, innermost frame first
     * @return the description, or {@code ""} if the stack is empty
     */
    public static String waitingPoint(StackTraceElement[] stack) {
        for (int i = 0; i < stack.length; i++) {
            if (!isLibrary(stack[i])) {
                if (i == 0) {
                    return "at " + stack[i];
                }
                StackTraceElement call = stack[i - 1];
                String cls = call.getClassName();
                return "in " + cls.substring(cls.lastIndexOf('.') + 1) + "." + call.getMethodName() + " at " + stack[i];
            }
        }
        return stack.length == 0 ? "" : "at " + stack[0];
    }

    /**
     * @param stack frames, innermost first
     * @return one {@code "\tat frame"} line per frame, as a stack trace prints them
     */
    public static String format(StackTraceElement[] stack) {
        StringBuilder sb = new StringBuilder();
        for (StackTraceElement e : stack) {
            if (!sb.isEmpty()) {
                sb.append('\n');
            }
            sb.append("\tat ").append(e);
        }
        return sb.toString();
    }
}
