package dk.beskplan.contracts;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Names a message record on the wire. {@code type} is also the routing key; {@code version} is the schema
 * version. A change that an old consumer cannot read gets a new record with a higher version, never an edit.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface MessageContract {
    String type();

    int version();
}
