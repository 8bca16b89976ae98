package dev.netscale.cli;

import dev.netscale.env.Host;
import dev.netscale.spec.ExperimentSpec;
import dev.netscale.spec.SpecException;
import dev.netscale.spec.SpecLoader;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Parameters;

@Command(name = "validate", mixinStandardHelpOptions = true,
        description = "Checks specs and prints every problem at once.")
final class ValidateCommand implements Callable<Integer> {
    @Spec
    CommandSpec command;

    @Parameters(paramLabel = "SPEC", arity = "1..*", description = "YAML experiment specs")
    Path[] specs;

    @Override
    public Integer call() {
        int status = 0;
        SpecLoader loader = new SpecLoader(Host.allowedCpus());
        java.io.PrintWriter out = command.commandLine().getOut();
        for (Path spec : specs) {
            try {
                ExperimentSpec s = loader.load(spec);
                String repetitions = s.convergence()
                        .map(c -> c.min() + " to " + c.max() + " repetitions (auto)")
                        .orElse(plural(s.repetitions(), "repetition"));
                out.println(spec + ": ok (" + plural(s.receivers().size(), "receiver") + ", "
                        + plural(s.senders().counts().size(), "sender count") + ", "
                        + repetitions + ")");
            } catch (SpecException e) {
                command.commandLine().getErr().println(e.getMessage());
                command.commandLine().getErr().println(spec + ": "
                        + plural(e.problems().size(), "problem"));
                status = Netscale.BAD_INPUT;
            }
        }
        return status;
    }

    private static String plural(int n, String word) {
        return n + " " + word + (n == 1 ? "" : "s");
    }
}
