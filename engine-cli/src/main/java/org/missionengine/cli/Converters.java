package org.missionengine.cli;

import java.io.File;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
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

    /**
     * The file an {@code --output} option names. A name ending in a separator ({@code reports/}) means a directory,
     * but a {@link Path} drops the separator, and the report would be written to a file named {@code reports}: refused.
     */
    static final class OutputFile implements CommandLine.ITypeConverter<Path> {
        @Override
        public Path convert(String value) {
            if (value.isBlank()) {
                throw new CommandLine.TypeConversionException("an empty file name; give the report a file name, e.g. "
                        + "report.txt");
            }
            if (value.endsWith("/") || value.endsWith(File.separator)) {
                String trimmed = value.replaceAll("[/\\\\]+$", "");
                throw new CommandLine.TypeConversionException("'" + value + "' names a directory; give the report a "
                        + "file name, e.g. " + trimmed + "/report.txt");
            }
            try {
                return Path.of(value);
            } catch (InvalidPathException e) {
                throw new CommandLine.TypeConversionException("'" + value + "' is not a file name: " + e.getReason());
            }
        }
    }
}
