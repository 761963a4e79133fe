package org.tamga.report;

import java.util.List;

/**
 * Inter-coder agreement: per code and over all codes (the {@value #ALL_CODES} row), for the whole
 * scope and per document, on one kind of unit. Built by {@code core.AgreementService}; written by
 * {@link AgreementWriter}. See docs/adr/0040-inter-coder-agreement.md.
 *
 * @param coders       the coders compared, in the order asked
 * @param unit         the unit's name ({@code core.AgreementUnit#label()}): character, turn, paragraph or one per document
 * @param coverage     when a turn or paragraph counts as coded: {@code whole} or {@code part}
 * @param withChildren whether a code's row counts the codings of the codes below it as its own
 * @param speaker      only what this speaker said, or null
 * @param documents    how many documents the scope has
 * @param byCode       one row per code, then the {@value #ALL_CODES} row
 * @param byDocument   per document (in the scope's order): a row per code applied there, then its {@value #ALL_CODES} row
 */
public record AgreementReport(List<String> coders, String unit, String coverage, boolean withChildren, String speaker,
                              int documents, List<Row> byCode, List<Row> byDocument) {
    /** The name of the row pooled over all codes. */
    public static final String ALL_CODES = "(all codes)";

    public AgreementReport {
        coders = List.copyOf(coders);
        byCode = List.copyOf(byCode);
        byDocument = List.copyOf(byDocument);
    }

    /**
     * The numbers of one row. A coefficient that does not apply or is undefined is null, and
     * {@code note} says why.
     *
     * @param units     how many units (characters, turns, paragraphs, documents) the row covers
     * @param decisions how many coded-or-not decisions each coder made: {@code units} for a code, units × codes for {@value #ALL_CODES}
     * @param codedBy   per coder (in the report's order), how many of the decisions were "coded"
     * @param note      why a coefficient is empty, what was pooled; "" when there is nothing to say
     */
    public record Values(long units, long decisions, Double percentAgreement, Double cohenKappa, Double fleissKappa,
                         Double krippendorffAlpha, Double krippendorffAlphaUnitized, List<Long> codedBy, String note) {
        public Values {
            codedBy = List.copyOf(codedBy);
            note = note == null ? "" : note;
        }
    }

    /**
     * One row.
     *
     * @param document the document's name, or null for the whole scope
     * @param code     the code's name, or {@value #ALL_CODES}
     * @param codePath the code's path in the codebook ("" for {@value #ALL_CODES})
     * @param codeGuid the code's GUID, or null for {@value #ALL_CODES}
     */
    public record Row(String document, String code, String codePath, String codeGuid, Values values) {
        /** Whether this is the row pooled over all codes. */
        public boolean allCodes() { return codeGuid == null; }
    }

    /** The {@value #ALL_CODES} row of the whole scope. */
    public Row overall() { return byCode.getLast(); }
}
