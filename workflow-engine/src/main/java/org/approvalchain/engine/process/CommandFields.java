package org.approvalchain.engine.process;

import java.lang.reflect.Field;
import java.util.Optional;

import org.camunda.bpm.engine.impl.interceptor.Command;

/**
 * Reads a field of an engine command, such as the task a completion is for: the guards decide on
 * what a command is about before it runs, and most commands expose that through no getter.
 */
final class CommandFields {

    private CommandFields() {
    }

    /** The value of the command's field {@code name} (declared on its class or a superclass), if it has one of that type. */
    static <T> Optional<T> read(Command<?> command, String name, Class<T> type) {
        for (Class<?> c = command.getClass(); c != null && c != Object.class; c = c.getSuperclass()) {
            try {
                Field field = c.getDeclaredField(name);
                field.setAccessible(true);
                Object value = field.get(command);
                return type.isInstance(value) ? Optional.of(type.cast(value)) : Optional.empty();
            } catch (NoSuchFieldException notHere) {
                // a superclass may declare it
            } catch (ReflectiveOperationException | RuntimeException unreadable) {
                return Optional.empty();
            }
        }
        return Optional.empty();
    }
}
