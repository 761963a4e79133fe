package org.tamga.core;

import org.tamga.model.Attribute;
import org.tamga.model.TamgaException;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Bands of a number or date attribute for a crosstab: where each band starts, e.g. "20,40,60" for
 * ages gives the columns "under 20", "20–39", "40–59" and "60+" (whole numbers), "under 20",
 * "20 to under 40", … (decimals); dates "2021-01-01,2022-01-01" give "before 2021-01-01",
 * "2021-01-01 – 2021-12-31" and "2022-01-01 on". A value on a bound goes to the band it starts.
 */
public final class Bands {
    private final List<String> bounds;
    private Attribute.Type type;
    private List<BigDecimal> numbers;
    private List<LocalDate> dates;
    private List<String> labels;

    private Bands(List<String> bounds) { this.bounds = bounds; }

    /** Bounds as written after the attribute: "20,40,60" (at least one, rising). */
    public static Bands parse(String text) {
        List<String> parts = new ArrayList<>();
        for (String p : (text == null ? "" : text).split(",")) if (!p.isBlank()) parts.add(p.strip());
        if (parts.isEmpty()) throw new TamgaException("Give where the bands start, e.g. 20,40,60 (not \u201C" + text + "\u201D).");
        return new Bands(List.copyOf(parts));
    }

    /** Checks the bounds against the attribute's type; refused for a text or yes/no attribute, or bounds that are not rising values of it. */
    void check(Attribute attribute) {
        type = attribute.type();
        switch (type) {
            case INTEGER, FLOAT -> {
                numbers = new ArrayList<>();
                for (String b : bounds) {
                    try {
                        numbers.add(new BigDecimal(b));
                    } catch (NumberFormatException e) {
                        throw new TamgaException("The band bound \u201C" + b + "\u201D of \u201C" + attribute.name() + "\u201D is not a number.");
                    }
                }
                rising(numbers, attribute);
            }
            case DATE, DATETIME -> {
                dates = new ArrayList<>();
                for (String b : bounds) {
                    try {
                        dates.add(LocalDate.parse(b.length() > 10 ? b.substring(0, 10) : b));
                    } catch (DateTimeParseException e) {
                        throw new TamgaException("The band bound \u201C" + b + "\u201D of \u201C" + attribute.name() + "\u201D is not a date such as 2021-01-01.");
                    }
                }
                rising(dates, attribute);
            }
            default -> throw new TamgaException("Only number and date attributes can be banded; \u201C" + attribute.name() + "\u201D holds "
                    + attribute.type().word() + " values.");
        }
        labels = labels();
    }

    private static <T extends Comparable<? super T>> void rising(List<T> values, Attribute attribute) {
        for (int i = 1; i < values.size(); i++) {
            if (values.get(i).compareTo(values.get(i - 1)) <= 0) {
                throw new TamgaException("The band bounds of \u201C" + attribute.name() + "\u201D must rise (" + values.get(i - 1) + " then " + values.get(i) + ").");
            }
        }
    }

    private List<String> labels() {
        List<String> out = new ArrayList<>();
        int n = bounds.size();
        if (dates != null) {
            out.add("before " + dates.get(0));
            for (int i = 0; i + 1 < n; i++) out.add(dates.get(i) + " \u2013 " + dates.get(i + 1).minusDays(1));
            out.add(dates.get(n - 1) + " on");
        } else if (type == Attribute.Type.INTEGER && numbers.stream().allMatch(b -> b.stripTrailingZeros().scale() <= 0)) {
            out.add("under " + plain(numbers.get(0)));
            for (int i = 0; i + 1 < n; i++) {
                BigDecimal last = numbers.get(i + 1).subtract(BigDecimal.ONE);
                out.add(last.equals(numbers.get(i)) ? plain(last) : plain(numbers.get(i)) + "\u2013" + plain(last));
            }
            out.add(plain(numbers.get(n - 1)) + "+");
        } else {
            out.add("under " + plain(numbers.get(0)));
            for (int i = 0; i + 1 < n; i++) out.add(plain(numbers.get(i)) + " to under " + plain(numbers.get(i + 1)));
            out.add(plain(numbers.get(n - 1)) + " or more");
        }
        return List.copyOf(out);
    }

    private static String plain(BigDecimal d) { return d.stripTrailingZeros().toPlainString(); }

    /** The band a stored value falls in. */
    String band(String value) {
        int i = 0;
        if (dates != null) {
            LocalDate v = LocalDate.parse(value.length() > 10 ? value.substring(0, 10) : value);
            while (i < dates.size() && !v.isBefore(dates.get(i))) i++;
        } else {
            BigDecimal v = new BigDecimal(value.strip());
            while (i < numbers.size() && v.compareTo(numbers.get(i)) >= 0) i++;
        }
        return labels.get(i);
    }

    /** The bands' own order. */
    Comparator<String> order() { return Comparator.comparingInt(labels::indexOf); }

    /** The band labels in order (after {@link #check}). */
    public List<String> labelsInOrder() { return labels; }
}
