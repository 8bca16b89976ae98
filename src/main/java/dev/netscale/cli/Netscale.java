package dev.netscale.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The command line: parse, validate, run, report. Only this package prints. */
@Command(name = "netscale", mixinStandardHelpOptions = true, version = "netscale 0.1.0",
        description = "Measures how a thread-per-connection TCP receiver scales with concurrent"
                + " senders: native, JVM and WebAssembly (WASIX) on Wasmer.",
        subcommands = {RunCommand.class, ValidateCommand.class, ReportCommand.class,
            CheckCommand.class, CompareCommand.class, DoctorCommand.class,
            CommandLine.HelpCommand.class})
public final class Netscale {
    /** Exit status for bad input (a spec that does not validate, a missing folder). */
    static final int BAD_INPUT = 2;
    /** Exit status for a run that finished with failed trials. */
    static final int FAILED_TRIALS = 1;

    public static void main(String[] args) {
        System.setProperty("java.awt.headless", "true");
        System.exit(commandLine().execute(args));
    }

    public static CommandLine commandLine() {
        return new CommandLine(new Netscale()).setCaseInsensitiveEnumValuesAllowed(true);
    }
}
