package dk.beskplan.platform.messaging;

/**
 * A module's reaction to one kind of message. It runs inside the module's transaction together with the
 * inbox record, so its state change and the "seen" mark commit or roll back together; anything it sends
 * through the {@link dk.beskplan.platform.outbox.Outbox} joins that transaction too.
 *
 * <p>Throwing makes the message be redelivered; after the delivery limit it goes to the module's
 * dead-letter queue. Throw only for failures that a retry could cure or that a person must look at.
 */
public interface MessageHandler<T> {

    /** The module whose queue and inbox this handler belongs to (its {@code ModuleDescriptor} name). */
    String module();

    /** The contract record this handler consumes; its type is bound to the module's queue. */
    Class<T> messageType();

    void handle(T message, Envelope envelope);
}
