package io.warden.cli;

import io.warden.core.ErrorCode;
import io.warden.core.Version;
import io.warden.core.WardenException;
import java.io.PrintWriter;
import java.util.List;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The {@code warden} command line: subcommands, and the single place where errors become exit codes.
 *
 * <p>Exit codes (DESIGN.md): 0 ok; 1 the policy's gate failed; 2 bad usage or bad input; 3 internal error.
 */
@Command(
        name = "warden",
        mixinStandardHelpOptions = true,
        versionProvider = Main.VersionProvider.class,
        description = "Find, protect and govern sensitive data in AI training datasets.",
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
            "0:ok", "1:the policy's gate failed, or a verification failed", "2:bad usage or bad input",
            "3:internal error"
        })
public final class Main implements Runnable {
    public static final int OK = 0;
    public static final int GATE_FAILED = 1;
    public static final int BAD_INPUT = 2;
    public static final int INTERNAL = 3;

    /**
     * The subcommands, in the order help lists them. Registered explicitly in {@link #run}: only the one named on the
     * command line is built (picocli reflects over every option of every command it is given, about 0.4 s for all of
     * them at each start), all of them for help and for anything unknown.
     */
    static final List<Class<?>> COMMANDS = List.of(ScanCommand.class, ProtectCommand.class, RevealCommand.class,
            DpCommand.class, SealCommand.class, UnsealCommand.class, SignCommand.class, VerifyCommand.class,
            KeysCommand.class, EvalCommand.class, ServerCommand.class, LoginCommand.class, LogoutCommand.class,
            PushCommand.class, PullCommand.class, GrantCommand.class, AuditCommand.class, ApiCommand.class,
            BackupCommand.class, RestoreCommand.class,
            CommandLine.HelpCommand.class);

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        System.exit(run(args, new PrintWriter(System.out, true), new PrintWriter(System.err, true)));
    }

    /** Runs the CLI with the given streams and returns the exit code (used by tests, no System.exit). */
    public static int run(String[] args, PrintWriter out, PrintWriter err) {
        CommandLine cl = new CommandLine(new Main());
        // subcommands first: the settings below reach only the subcommands present when they are made
        Class<?> named = args.length == 0 ? null : COMMANDS.stream()
                .filter(c -> c != CommandLine.HelpCommand.class && c.getAnnotation(Command.class).name().equals(args[0]))
                .findFirst().orElse(null);
        if (named != null) {
            cl.addSubcommand(named);
        } else {
            COMMANDS.forEach(cl::addSubcommand);
        }
        cl.setOut(out);
        cl.setErr(err);
        cl.setParameterExceptionHandler((ex, a) -> {
            err.println("warden: " + oneLine(ex.getMessage()));
            err.println("Try '" + ex.getCommandLine().getCommandSpec().qualifiedName() + " --help'.");
            return BAD_INPUT;
        });
        cl.setExecutionExceptionHandler((ex, c, parsed) -> {
            if (ex instanceof WardenException w) {
                err.println("warden: " + oneLine(w.getMessage()));
                return exitCode(w.code());
            }
            err.println("warden: internal error: " + ex.getClass().getName()
                    + " (please report it; run with WARDEN_DEBUG=1 for a stack trace)");
            if (System.getenv("WARDEN_DEBUG") != null) ex.printStackTrace(err);
            return INTERNAL;
        });
        try {
            int code = cl.execute(args);
            out.flush(); // commands that print() rather than println() would otherwise lose their last line
            return code;
        } catch (OutOfMemoryError e) {
            err.println("warden: out of memory; raise the heap with WARDEN_JAVA_OPTS=-Xmx2g");
            return INTERNAL;
        }
    }

    static int exitCode(ErrorCode code) {
        return switch (code.category()) {
            case USER -> BAD_INPUT;
            case VERIFICATION -> GATE_FAILED;
            case INTERNAL -> INTERNAL;
        };
    }

    static String oneLine(String s) {
        if (s == null) return "error";
        int nl = s.indexOf('\n');
        return nl < 0 ? s : s.substring(0, nl);
    }

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "missing command (try 'warden --help')");
    }

    static final class VersionProvider implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {"warden " + Version.VERSION};
        }
    }
}
