package dk.beskplan.app;

import dk.beskplan.archive.application.ArchiveCommand;
import io.micronaut.runtime.Micronaut;
import io.swagger.v3.oas.annotations.OpenAPIDefinition;
import io.swagger.v3.oas.annotations.info.Info;

/** Starts Beskplan: every module in one process, talking to each other only over RabbitMQ. */
@OpenAPIDefinition(info = @Info(title = "beskplan", version = "0.1",
        description = "Beskplan: a municipality's employment plan from draft through approval to follow-up. "
                + "Log in with POST /api/login; send the returned csrfToken as X-CSRF-Token on every POST/PUT/DELETE. "
                + "Errors are application/problem+json with the offending fields under 'errors'."))
public class Application {
    public static void main(String[] args) {
        // `java -jar beskplan.jar verify-archive | archive-checkpoint | archive-keygen`: the archive's tools; no server.
        if (args.length > 0 && ArchiveCommand.COMMANDS.contains(args[0])) {
            System.exit(ArchiveCommand.run(args, System.getenv(), System.out));
        }
        Micronaut.build(args).mainClass(Application.class).defaultEnvironments("prod").start();
    }
}
