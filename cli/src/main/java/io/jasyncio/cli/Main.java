package io.jasyncio.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The {@code jasyncio} command line. Each subcommand runs its own event loop with
 * {@code Asyncio.run}. Bad arguments print the usage and a message naming what was wrong (exit
 * code 2); a failure names its cause (exit code 1).
 *
 * <p>For example:
 * {@snippet class=io.jasyncio.cli.snippets.CliSnippets region=main}
 */
@Command(name = "jasyncio", mixinStandardHelpOptions = true, version = "jasyncio 0.1.0",
        description = "Python's asyncio and aiohttp, in Java 25.",
        subcommands = {ServeCommand.class, EchoCommand.class, FetchCommand.class, BenchCommand.class, CommandLine.HelpCommand.class})
public final class Main implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }

    /**
     * @param args the command line
     * @return the exit code
     */
    public static int execute(String... args) {
        CommandLine cl = new CommandLine(new Main());
        cl.setExecutionExceptionHandler((e, cmd, parsed) -> {
            cmd.getErr().println("jasyncio " + cmd.getCommandName() + ": " + describe(e));
            return 1;
        });
        return cl.execute(args);
    }

    static String describe(Throwable e) {
        String m = e.getMessage();
        return (m == null || m.isBlank()) ? e.getClass().getSimpleName() : m;
    }

    /**
     * @param args the command line
     */
    public static void main(String[] args) {
        System.exit(execute(args));
    }
}
