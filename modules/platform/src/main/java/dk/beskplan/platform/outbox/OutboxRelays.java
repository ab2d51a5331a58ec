package dk.beskplan.platform.outbox;

import jakarta.inject.Singleton;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** Finds a module's relay to wake it; decouples the outbox writer from the relay threads' lifecycle. */
@Singleton
public class OutboxRelays {
    private final Map<String, OutboxRelay> relays = new ConcurrentHashMap<>();

    public void register(OutboxRelay relay) {
        relays.put(relay.moduleName(), relay);
    }

    /** Nudges the module's relay to publish now (called after a commit that wrote to its outbox). */
    public void wake(String module) {
        OutboxRelay relay = relays.get(module);
        if (relay != null) {
            relay.wake();
        }
    }

    public void wakeAll() {
        relays.values().forEach(OutboxRelay::wake);
    }
}
