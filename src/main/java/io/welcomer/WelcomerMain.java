package io.welcomer;

import io.quarkus.runtime.Quarkus;
import io.quarkus.runtime.annotations.QuarkusMain;
import io.welcomer.simulation.cli.SimulateCommand;

/**
 * The packaged application: the server, or with {@code simulate <file>} a planner's simulation
 * that needs no database and exits with its answer (a server only to read a line's history).
 */
@QuarkusMain
public class WelcomerMain {

    public static void main(String... args) {
        if (args.length > 0 && args[0].equals(SimulateCommand.NAME)) {
            System.exit(SimulateCommand.run(args, System.out, System.err));
        }
        Quarkus.run(args);
    }
}
