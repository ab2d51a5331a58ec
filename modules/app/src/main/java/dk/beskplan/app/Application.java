package dk.beskplan.app;

import dk.beskplan.administration.application.CreateAdminCommand;
import dk.beskplan.archive.application.ArchiveCommand;
import io.micronaut.context.ApplicationContext;
import io.micronaut.context.BeanContext;
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
        // `java -jar beskplan.jar create-admin <username> <email>`: the first system administrator, password on stdin.
        if (args.length > 0 && CreateAdminCommand.NAME.equals(args[0])) {
            System.exit(CreateAdminCommand.run(args, CreateAdminCommand.standardInput(System.console(), System.in), System.out,
                    Application::withCommandContext));
        }
        // With JSON log lines (docs/operations.md) every line of standard output is JSON: no banner.
        boolean jsonLogs = "json".equalsIgnoreCase(System.getenv("BESKPLAN_LOG_FORMAT"));
        Micronaut.build(args).mainClass(Application.class).defaultEnvironments("prod").banner(!jsonLogs).start();
    }

    /**
     * The application's beans without the server, the broker or mail: the database is migrated as at start-up, and
     * messages the command writes wait in the outbox until the application runs.
     */
    private static <T> T withCommandContext(java.util.function.Function<BeanContext, T> work) {
        try (ApplicationContext context = ApplicationContext.builder().mainClass(Application.class).defaultEnvironments("prod")
                .properties(java.util.Map.of("beskplan.messaging.enabled", false, "beskplan.mail.enabled", false,
                        "logger.levels.root", "WARN"))
                .start()) {
            return work.apply(context);
        }
    }
}
