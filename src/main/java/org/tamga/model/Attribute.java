package org.tamga.model;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Locale;

/**
 * A property of documents and cases (county, occupation, gender, age, ethnicity, poverty status):
 * REFI-QDA's {@code Variable}. Its values are kept as text in the form {@link Type#normalise} gives.
 */
public record Attribute(long id, String guid, String name, Type type, String description) {

    /** The kinds of value REFI-QDA exchanges ({@code typeOfVariable}). */
    public enum Type {
        TEXT("Text"), INTEGER("Integer"), FLOAT("Float"), BOOLEAN("Boolean"), DATE("Date"), DATETIME("DateTime");

        private final String refiName;

        Type(String refiName) { this.refiName = refiName; }

        /** The name REFI-QDA gives the type ({@code typeOfVariable}, and {@code TextValue}, {@code IntegerValue} … without "Value"). */
        public String refiName() { return refiName; }

        /** The word used in the project file and on the command line: text, integer, float, boolean, date, datetime. */
        public String word() { return name().toLowerCase(Locale.ROOT); }

        /** The type a word or a REFI-QDA {@code typeOfVariable} names (any case), or null. */
        public static Type of(String name) {
            if (name == null) return null;
            for (Type t : values()) if (t.word().equalsIgnoreCase(name.strip()) || t.refiName.equalsIgnoreCase(name.strip())) return t;
            return null;
        }

        /**
         * The value in its stored form (an integer without a sign or leading zeros beyond the
         * number's own, a boolean as true/false, a date as YYYY-MM-DD), or null when the text is
         * not a value of this type.
         */
        public String normalise(String value) {
            if (value == null) return null;
            String v = value.strip();
            try {
                return switch (this) {
                    case TEXT -> value;
                    case INTEGER -> new BigInteger(v).toString();
                    case FLOAT -> new BigDecimal(v).toPlainString();
                    case BOOLEAN -> switch (v.toLowerCase(Locale.ROOT)) {
                        case "true", "1", "yes" -> "true";
                        case "false", "0", "no" -> "false";
                        default -> null;
                    };
                    case DATE -> LocalDate.parse(v.length() > 10 && v.charAt(10) == 'T' ? v.substring(0, 10) : v).toString();
                    case DATETIME -> v.length() == 10 ? LocalDate.parse(v) + "T00:00:00Z"
                            : OffsetDateTime.parse(v.endsWith("Z") || v.matches(".*[+-]\\d\\d:\\d\\d$") ? v : v + "Z").toInstant().toString();
                };
            } catch (NumberFormatException | DateTimeParseException e) {
                return null;
            }
        }

        /** What a value of this type looks like, for messages. */
        public String example() {
            return switch (this) {
                case TEXT -> "any text";
                case INTEGER -> "a whole number such as 42";
                case FLOAT -> "a number such as 3.5";
                case BOOLEAN -> "true or false";
                case DATE -> "a date such as 2025-07-18";
                case DATETIME -> "a date and time such as 2025-07-18T09:30:00Z";
            };
        }
    }
}
