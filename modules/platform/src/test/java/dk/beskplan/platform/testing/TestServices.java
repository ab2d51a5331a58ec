package dk.beskplan.platform.testing;

import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.ConnectionFactory;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.containers.PostgreSQLContainer;
import org.testcontainers.containers.RabbitMQContainer;

import java.sql.DriverManager;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

/**
 * The real PostgreSQL and RabbitMQ the tests talk to, chosen once per JVM with nothing to configure:
 * Testcontainers where a Docker engine answers (a laptop), the services on localhost otherwise (CI, this
 * machine). Every test application gets a database and a queue namespace of its own, removed at JVM exit.
 * {@code BESKPLAN_TEST_SERVICES=local} forces the local services.
 */
public final class TestServices {
    private static TestServices instance;

    private final boolean docker;
    private final String pgHost;
    private final int pgPort;
    private final String pgUser;
    private final String pgPassword;
    private final String rabbitHost;
    private final int rabbitPort;
    private final String rabbitUser;
    private final String rabbitPassword;
    private final RabbitMQContainer rabbitContainer;
    private final List<String> databases = new ArrayList<>();
    private final List<String> namespaces = new ArrayList<>();

    public static synchronized TestServices get() {
        if (instance == null) {
            instance = new TestServices();
            Runtime.getRuntime().addShutdownHook(new Thread(instance::cleanUp, "test-services-cleanup"));
        }
        return instance;
    }

    private TestServices() {
        docker = !"local".equals(System.getenv("BESKPLAN_TEST_SERVICES")) && dockerAvailable();
        if (docker) {
            PostgreSQLContainer<?> pg = new PostgreSQLContainer<>("postgres:16-alpine");
            pg.start();
            rabbitContainer = new RabbitMQContainer("rabbitmq:3.13-management");
            rabbitContainer.start();
            pgHost = pg.getHost();
            pgPort = pg.getFirstMappedPort();
            pgUser = pg.getUsername();
            pgPassword = pg.getPassword();
            rabbitHost = rabbitContainer.getHost();
            rabbitPort = rabbitContainer.getAmqpPort();
            rabbitUser = rabbitContainer.getAdminUsername();
            rabbitPassword = rabbitContainer.getAdminPassword();
        } else {
            rabbitContainer = null;
            pgHost = "127.0.0.1";
            pgPort = 5432;
            pgUser = "postgres";
            pgPassword = "";
            rabbitHost = "127.0.0.1";
            rabbitPort = 5672;
            rabbitUser = "guest";
            rabbitPassword = "guest";
        }
    }

    private static boolean dockerAvailable() {
        try {
            return DockerClientFactory.instance().isDockerAvailable();
        } catch (Throwable e) {
            return false;
        }
    }

    public boolean usesDocker() {
        return docker;
    }

    public String pgUser() {
        return pgUser;
    }

    public String pgPassword() {
        return pgPassword;
    }

    public String rabbitHost() {
        return rabbitHost;
    }

    public int rabbitPort() {
        return rabbitPort;
    }

    public String rabbitUser() {
        return rabbitUser;
    }

    public String rabbitPassword() {
        return rabbitPassword;
    }

    /** A new, empty database; returns its JDBC URL. */
    public synchronized String createDatabase() {
        String name = "beskplan_test_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        adminSql("create database " + name);
        databases.add(name);
        return jdbcUrl(name);
    }

    public String jdbcUrl(String database) {
        return "jdbc:postgresql://" + pgHost + ":" + pgPort + "/" + database;
    }

    /** A new exchange/queue namespace for one test application. */
    public synchronized String newNamespace() {
        String namespace = "beskplan-test-" + UUID.randomUUID().toString().substring(0, 8);
        namespaces.add(namespace);
        return namespace;
    }

    public ConnectionFactory rabbitFactory() {
        ConnectionFactory factory = new ConnectionFactory();
        factory.setHost(rabbitHost);
        factory.setPort(rabbitPort);
        factory.setUsername(rabbitUser);
        factory.setPassword(rabbitPassword);
        return factory;
    }

    /** Runs rabbitmqctl against the broker the tests use (the container's, or the local one). */
    public void rabbitmqctl(String... args) throws Exception {
        if (rabbitContainer != null) {
            List<String> command = new ArrayList<>(List.of("rabbitmqctl"));
            command.addAll(List.of(args));
            var result = rabbitContainer.execInContainer(command.toArray(String[]::new));
            if (result.getExitCode() != 0) {
                throw new IllegalStateException("rabbitmqctl failed: " + result.getStderr());
            }
            return;
        }
        List<String> command = new ArrayList<>(List.of("rabbitmqctl"));
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes());
        if (!process.waitFor(120, TimeUnit.SECONDS) || process.exitValue() != 0) {
            throw new IllegalStateException("rabbitmqctl " + String.join(" ", args) + " failed: " + output);
        }
    }

    /** One statement as the test PostgreSQL's administrator, on its maintenance database (e.g. to take a database out of reach). */
    public void adminSql(String statement) {
        try (var connection = DriverManager.getConnection(jdbcUrl("postgres"), pgUser, pgPassword);
             var st = connection.createStatement()) {
            st.execute(statement);
        } catch (Exception e) {
            throw new IllegalStateException("Cannot run '" + statement + "' on the test PostgreSQL", e);
        }
    }

    private synchronized void cleanUp() {
        for (String db : databases) {
            try {
                adminSql("drop database if exists " + db + " with (force)");
            } catch (Exception ignored) {
                // best effort at JVM exit
            }
        }
        if (namespaces.isEmpty()) {
            return;
        }
        try (Connection connection = rabbitFactory().newConnection("test-cleanup")) {
            for (String namespace : namespaces) {
                for (String module : List.of("drafting", "approval", "followup", "archive", "probe")) {
                    for (String queue : List.of(namespace + "." + module, namespace + "." + module + ".dead-letters")) {
                        try (Channel ch = connection.createChannel()) {
                            ch.queueDelete(queue);
                        } catch (Exception ignored) {
                            // not declared in this namespace
                        }
                    }
                }
                for (String exchange : List.of(namespace + ".events", namespace + ".dead-letters")) {
                    try (Channel ch = connection.createChannel()) {
                        ch.exchangeDelete(exchange);
                    } catch (Exception ignored) {
                        // not declared
                    }
                }
            }
        } catch (Exception ignored) {
            // broker gone at exit: nothing to clean
        }
    }
}
