package dk.beskplan.platform.messaging;

import dk.beskplan.contracts.MessageContract;

/** Reads the wire name and schema version of a contract record. */
public final class MessageTypes {
    private MessageTypes() {
    }

    public static MessageContract contractOf(Class<?> messageClass) {
        MessageContract contract = messageClass.getAnnotation(MessageContract.class);
        if (contract == null) {
            throw new IllegalArgumentException(messageClass.getName() + " is not annotated @MessageContract");
        }
        return contract;
    }

    public static String typeOf(Class<?> messageClass) {
        return contractOf(messageClass).type();
    }
}
