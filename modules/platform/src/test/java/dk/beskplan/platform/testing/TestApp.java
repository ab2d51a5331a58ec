package dk.beskplan.platform.testing;

import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;

import java.util.HashMap;
import java.util.Map;

/**
 * A whole Beskplan application on a random port, with a fresh database and its own queue namespace,
 * against the real services. Tests start as many as they need (e.g. two instances on one database).
 */
public final class TestApp implements AutoCloseable {
    private final EmbeddedServer server;
    private final String namespace;
    private final String jdbcUrl;
    /** Whether this instance made the namespace (and so removes its queues when it closes); not a second instance. */
    private final boolean ownsNamespace;

    private TestApp(EmbeddedServer server, String namespace, String jdbcUrl, boolean ownsNamespace) {
        this.server = server;
        this.namespace = namespace;
        this.jdbcUrl = jdbcUrl;
        this.ownsNamespace = ownsNamespace;
    }

    /** The properties of a fresh application; {@code overrides} win (e.g. a broker port behind a proxy). */
    public static Map<String, Object> freshProperties(Map<String, Object> overrides) {
        TestServices services = TestServices.get();
        Map<String, Object> props = new HashMap<>();
        props.put("datasources.default.url", services.createDatabase());
        props.put("datasources.default.username", services.pgUser());
        props.put("datasources.default.password", services.pgPassword());
        props.put("rabbitmq.host", services.rabbitHost());
        props.put("rabbitmq.port", services.rabbitPort());
        props.put("rabbitmq.username", services.rabbitUser());
        props.put("rabbitmq.password", services.rabbitPassword());
        props.put("beskplan.messaging.namespace", services.newNamespace());
        // Fast feedback: short sweeps and reconnects, few deliveries before dead-lettering.
        props.put("beskplan.messaging.sweep-interval", "300ms");
        props.put("beskplan.messaging.reconnect-interval", "500ms");
        props.put("beskplan.messaging.delivery-limit", 3);
        // Real PBKDF2, fewer rounds: the tests log in often.
        props.put("beskplan.security.password.iterations", 1000);
        // The tests log one user in many times and keep the older clients: no cap on sessions per user (production: 5)
        // unless a test sets one (SessionsTest).
        props.put("beskplan.security.session.max-per-user", 10_000);
        props.put("micronaut.server.port", -1);
        // No SMTP server unless a test brings one (GreenMail) and turns mail on.
        props.put("beskplan.mail.enabled", false);
        props.putAll(overrides);
        return props;
    }

    public static TestApp start(Map<String, Object> overrides) {
        return start(overrides, new String[0]);
    }

    /** With further environments besides {@code test}, e.g. {@code demo}. */
    public static TestApp start(Map<String, Object> overrides, String... environments) {
        Map<String, Object> props = freshProperties(overrides);
        String[] envs = new String[environments.length + 1];
        envs[0] = "test";
        System.arraycopy(environments, 0, envs, 1, environments.length);
        EmbeddedServer server = ApplicationContext.run(EmbeddedServer.class, props, envs);
        return new TestApp(server, (String) props.get("beskplan.messaging.namespace"), (String) props.get("datasources.default.url"), true);
    }

    public static TestApp start() {
        return start(Map.of());
    }

    /** A second instance on the same database and namespace (for exactly-once tests across instances). */
    public TestApp another(Map<String, Object> overrides) {
        Map<String, Object> props = freshProperties(overrides);
        props.put("datasources.default.url", jdbcUrl);
        props.put("beskplan.messaging.namespace", namespace);
        props.putAll(overrides);
        return new TestApp(ApplicationContext.run(EmbeddedServer.class, props, "test"), namespace, jdbcUrl, false);
    }

    public String url() {
        return server.getURL().toString();
    }

    public String namespace() {
        return namespace;
    }

    /** The JDBC address of this application's database (a database of its own, see {@link TestServices}). */
    public String jdbcUrl() {
        return jdbcUrl;
    }

    public ApplicationContext context() {
        return server.getApplicationContext();
    }

    public <T> T bean(Class<T> type) {
        return context().getBean(type);
    }

    public Api api() {
        return new Api(url());
    }

    public MessageProbe probe() {
        return new MessageProbe(namespace);
    }

    @Override
    public void close() {
        java.util.List<String> modules = ownsNamespace && server.getApplicationContext().isRunning()
                ? server.getApplicationContext().getBeansOfType(dk.beskplan.platform.ModuleDescriptor.class).stream()
                .map(dk.beskplan.platform.ModuleDescriptor::name).toList()
                : java.util.List.of();
        server.close();
        removeQueues(modules);
    }

    /**
     * Every run declares a dozen durable quorum queues under its own namespace; left behind, hundreds of them pile up in
     * the shared broker and make each of its restarts (BrokerRestartTest) slow. A namespace is never used again.
     */
    private void removeQueues(java.util.List<String> modules) {
        if (modules.isEmpty()) {
            return;
        }
        try (com.rabbitmq.client.Connection connection = TestServices.get().rabbitFactory().newConnection()) {
            for (String module : modules) {
                for (String queue : java.util.List.of(namespace + "." + module, namespace + "." + module + ".dead-letters")) {
                    try (com.rabbitmq.client.Channel channel = connection.createChannel()) {
                        channel.queueDelete(queue);
                    } catch (Exception ignored) {
                        // already gone (or the broker is down in an outage test): nothing to tidy
                    }
                }
            }
            for (String exchange : java.util.List.of(namespace + ".events", namespace + ".dead-letters")) {
                try (com.rabbitmq.client.Channel channel = connection.createChannel()) {
                    channel.exchangeDelete(exchange);
                } catch (Exception ignored) {
                    // as above
                }
            }
        } catch (Exception ignored) {
            // the broker is unreachable: the queues stay, as before
        }
    }
}
