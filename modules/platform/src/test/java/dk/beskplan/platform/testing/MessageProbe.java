package dk.beskplan.platform.testing;

import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import io.micronaut.json.JsonMapper;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;

/**
 * "Do X, then wait for message Y": listens to everything published in a namespace (its own temporary
 * queue bound with {@code #}) so a scenario can wait for the real message instead of sleeping.
 * Start it before the action.
 */
public final class MessageProbe implements AutoCloseable {
    /** A message as seen on the wire: the envelope fields, payload included, as JSON maps. */
    public record Seen(String type, String messageId, String planId, String actor, String causationId, Map<String, Object> envelope) {
        @SuppressWarnings("unchecked")
        public Map<String, Object> payload() {
            return (Map<String, Object>) envelope.get("payload");
        }
    }

    private static final JsonMapper JSON = JsonMapper.createDefault();
    private final Connection connection;
    private final List<Seen> seen = new CopyOnWriteArrayList<>();

    public MessageProbe(String namespace) {
        try {
            connection = TestServices.get().rabbitFactory().newConnection("message-probe");
            Channel ch = connection.createChannel();
            ch.exchangeDeclare(namespace + ".events", "topic", true);
            String queue = ch.queueDeclare().getQueue();
            ch.queueBind(queue, namespace + ".events", "#");
            ch.basicConsume(queue, true, (tag, delivery) -> seen.add(parse(delivery.getBody())), tag -> { });
        } catch (Exception e) {
            throw new IllegalStateException("Cannot start the message probe", e);
        }
    }

    @SuppressWarnings("unchecked")
    private static Seen parse(byte[] body) {
        try {
            Map<String, Object> env = JSON.readValue(new String(body, StandardCharsets.UTF_8), Map.class);
            return new Seen((String) env.get("type"), (String) env.get("messageId"), (String) env.get("planId"),
                    (String) env.get("actor"), (String) env.get("causationId"), env);
        } catch (Exception e) {
            return new Seen("<unreadable>", null, null, null, null, Map.of());
        }
    }

    /** Waits for a message of {@code type} about {@code planId}. */
    public Seen await(String type, Object planId, Duration timeout) {
        return await(type, m -> String.valueOf(planId).equals(m.planId()), timeout);
    }

    public Seen await(String type, Predicate<Seen> matching, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            for (Seen m : seen) {
                if (type.equals(m.type()) && matching.test(m)) {
                    return m;
                }
            }
            sleep(25);
        }
        throw new AssertionError("No " + type + " within " + timeout + "; seen: " + seen.stream().map(Seen::type).toList());
    }

    public List<Seen> all() {
        return List.copyOf(seen);
    }

    @Override
    public void close() {
        try {
            connection.close();
        } catch (Exception ignored) {
            // broker may be down in fault tests
        }
    }

    static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
