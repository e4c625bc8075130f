package io.gatekey.adapter.cli;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.FilterWriter;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import picocli.CommandLine.Option;

/** The {@code -o} option and the two ways of printing records: aligned tables for people, JSON for scripts. */
public final class Output {

    /** Field names are stable: scripts may rely on them. */
    public enum Format { table, json }

    @Option(names = {"-o", "--output"}, description = "Output format: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).", defaultValue = "table")
    Format format = Format.table;

    private static final JsonFactory JSON = new JsonFactory();

    /** An ordered record of printable fields. */
    public static Map<String, Object> row(Object... keysAndValues) {
        Map<String, Object> row = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            Object value = keysAndValues[i + 1];
            if (value instanceof Optional<?> optional) {
                value = optional.orElse(null);
            }
            row.put((String) keysAndValues[i], value);
        }
        return row;
    }

    void one(PrintWriter out, Map<String, Object> row) {
        if (format == Format.json) {
            json(out, row, false);
        } else {
            int width = row.keySet().stream().mapToInt(String::length).max().orElse(0);
            row.forEach((key, value) -> out.println(pad(key, width) + "  " + text(value)));
        }
        out.flush();
    }

    void many(PrintWriter out, List<Map<String, Object>> rows, List<String> columns) {
        if (format == Format.json) {
            json(out, rows, true);
            out.flush();
            return;
        }
        List<Integer> widths = new ArrayList<>();
        for (String column : columns) {
            int width = column.length();
            for (Map<String, Object> row : rows) {
                width = Math.max(width, text(row.get(column)).length());
            }
            widths.add(width);
        }
        StringBuilder header = new StringBuilder();
        for (int i = 0; i < columns.size(); i++) {
            header.append(i == 0 ? "" : "  ").append(pad(columns.get(i).toUpperCase(Locale.ROOT), widths.get(i)));
        }
        out.println(header.toString().stripTrailing());
        for (Map<String, Object> row : rows) {
            StringBuilder line = new StringBuilder();
            for (int i = 0; i < columns.size(); i++) {
                line.append(i == 0 ? "" : "  ").append(pad(text(row.get(columns.get(i))), widths.get(i)));
            }
            out.println(line.toString().stripTrailing());
        }
        out.flush();
    }

    boolean isJson() {
        return format == Format.json;
    }

    private static void json(Writer out, Object value, boolean array) {
        try (JsonGenerator generator = JSON.createGenerator(new NonClosing(out))) {
            generator.useDefaultPrettyPrinter();
            write(generator, value);
            generator.flush();
            out.write(System.lineSeparator());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void write(JsonGenerator generator, Object value) throws IOException {
        if (value == null) {
            generator.writeNull();
        } else if (value instanceof Map<?, ?> map) {
            generator.writeStartObject();
            for (Map.Entry<?, ?> entry : map.entrySet()) {
                generator.writeFieldName((String) entry.getKey());
                write(generator, entry.getValue());
            }
            generator.writeEndObject();
        } else if (value instanceof List<?> list) {
            generator.writeStartArray();
            for (Object item : list) {
                write(generator, item);
            }
            generator.writeEndArray();
        } else if (value instanceof Boolean bool) {
            generator.writeBoolean(bool);
        } else if (value instanceof Integer || value instanceof Long) {
            generator.writeNumber(((Number) value).longValue());
        } else {
            generator.writeString(text(value));
        }
    }

    private static String text(Object value) {
        if (value == null) {
            return "-";
        }
        if (value instanceof Instant instant) {
            return instant.truncatedTo(ChronoUnit.SECONDS).toString();
        }
        return value.toString();
    }

    private static String pad(String text, int width) {
        return text + " ".repeat(Math.max(0, width - text.length()));
    }

    private static final class NonClosing extends FilterWriter {
        NonClosing(Writer out) {
            super(out);
        }

        @Override
        public void close() throws IOException {
            flush();
        }
    }
}
