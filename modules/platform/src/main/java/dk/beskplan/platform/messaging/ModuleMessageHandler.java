package dk.beskplan.platform.messaging;

import dk.beskplan.platform.ModuleDescriptor;

/** A {@link MessageHandler} that says once, when it is made, which module it belongs to and what it consumes. */
public abstract class ModuleMessageHandler<T> implements MessageHandler<T> {
    private final String module;
    private final Class<T> messageType;

    protected ModuleMessageHandler(ModuleDescriptor module, Class<T> messageType) {
        this.module = module.name();
        this.messageType = messageType;
    }

    @Override
    public final String module() {
        return module;
    }

    @Override
    public final Class<T> messageType() {
        return messageType;
    }
}
