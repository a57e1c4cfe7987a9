package org.missionengine.cli;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;

import picocli.CommandLine;

/** Option value converters with messages a user can act on. */
final class Converters {
    private Converters() {
    }

    static final class IsoDate implements CommandLine.ITypeConverter<LocalDate> {
        @Override
        public LocalDate convert(String value) {
            try {
                return LocalDate.parse(value.strip());
            } catch (DateTimeParseException e) {
                throw new CommandLine.TypeConversionException("'" + value + "' is not a date; write it as ISO-8601, "
                        + "e.g. 2030-12-31");
            }
        }
    }
}
