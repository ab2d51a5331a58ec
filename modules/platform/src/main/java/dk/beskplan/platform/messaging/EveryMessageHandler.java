package dk.beskplan.platform.messaging;

/**
 * Receives every message published by any module (the module's queue is bound with {@code #}); used by
 * the archive, which keeps everything. Same transaction and failure rules as {@link MessageHandler}.
 */
public interface EveryMessageHandler {

    String module();

    void handle(Envelope envelope);
}
