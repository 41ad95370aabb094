package io.booking.query.personal;

import io.booking.shared.personal.PersonalData;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.util.Collection;
import java.util.Map;
import java.util.Set;

/** Whose keys an event's sealed fields need: found by walking the event's records, so a new event needs no entry here. */
final class SealedSubjects {

    /** Asked of every event a processor handles: the class's reflection data is read once, not per event. */
    private static final ClassValue<RecordComponent[]> COMPONENTS = new ClassValue<>() {
        @Override
        protected RecordComponent[] computeValue(Class<?> type) {
            return type.getRecordComponents();
        }
    };

    private SealedSubjects() {}

    static void collect(Object value, Set<String> subjects) {
        if (value instanceof PersonalData data) {
            subjects.add(data.subjectId());
        } else if (value instanceof Collection<?> values) {
            values.forEach(element -> collect(element, subjects));
        } else if (value instanceof Map<?, ?> values) {
            values.values().forEach(element -> collect(element, subjects));
        } else if (value instanceof Record record) {
            for (RecordComponent component : COMPONENTS.get(record.getClass())) {
                try {
                    collect(component.getAccessor().invoke(record), subjects);
                } catch (IllegalAccessException | InvocationTargetException e) {
                    throw new IllegalStateException("cannot read " + component.getName() + " of an event", e);
                }
            }
        }
    }
}
