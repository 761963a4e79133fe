package org.tamga.core;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tamga.model.Attribute;
import org.tamga.model.Document;
import org.tamga.model.TamgaException;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.*;

class CaseServiceTest {
    @TempDir Path dir;

    @Test
    void valuesAreCheckedAgainstTheirTypeAndStoredInOneForm() throws Exception {
        try (ProjectSession s = ProjectSession.create(dir.resolve("p.tamga"), dir.resolve("cache"))) {
            Document d = SessionFixtures.importText(s, dir, "访谈01", "受访者：我们家有五口人。");
            assertEquals("54", s.cases().setValue(d, "Age", "+054", Attribute.Type.INTEGER));
            assertEquals("true", s.cases().setValue(d, "Registered poor · 建档立卡", "yes", Attribute.Type.BOOLEAN));
            assertEquals("2025-07-18", s.cases().setValue(d, "Interviewed", "2025-07-18", Attribute.Type.DATE));
            assertEquals("2025-07-18T01:30:00Z", s.cases().setValue(d, "Recorded", "2025-07-18T09:30:00+08:00", Attribute.Type.DATETIME));
            assertEquals("7.50", s.cases().setValue(d, "Subsidy", "7.50", Attribute.Type.FLOAT));
            assertEquals("ᠮᠣᠩᠭᠣᠯ 🐎", s.cases().setValue(d, "Ethnicity", "  ᠮᠣᠩᠭᠣᠯ 🐎 ", null), "text is kept, without the spaces around it");
            TamgaException e = assertThrows(TamgaException.class, () -> s.cases().setValue(d, "age", "fifty", null));
            assertEquals("\u201Cfifty\u201D is not a value of the attribute \u201CAge\u201D (integer): give a whole number such as 42.", e.getMessage());
            e = assertThrows(TamgaException.class, () -> s.cases().setValue(d, "Interviewed", "18.07.2025", null));
            assertTrue(e.getMessage().contains("a date such as 2025-07-18"), e.getMessage());
            e = assertThrows(TamgaException.class, () -> s.cases().setValue(d, "Age", "60", Attribute.Type.TEXT));
            assertEquals("The attribute \u201CAge\u201D holds integer values, not text.", e.getMessage());
            assertEquals("54", s.cases().of(d).own().get("Age"), "a refused value changes nothing");
            assertNull(s.cases().setValue(d, "AGE", " ", null), "a blank value removes the value (names match in any case)");
            assertFalse(s.cases().of(d).own().containsKey("Age"));
            assertEquals(6, s.cases().attributes().size(), "the attribute stays");
        }
    }

    @Test
    void aDocumentHasItsOwnValuesElseThoseOfItsCases() throws Exception {
        try (ProjectSession s = ProjectSession.create(dir.resolve("p.tamga"), dir.resolve("cache"))) {
            Document a = SessionFixtures.importText(s, dir, "a", "Respondent: the grass is short this year.");
            Document b = SessionFixtures.importText(s, dir, "b", "Respondent: we sold twenty sheep.");
            s.cases().createCase("Household 12", null);
            s.cases().createCase("Brigade 3", null);
            assertEquals(2, s.cases().addToCase("Household 12", List.of(a, b)));
            assertEquals(0, s.cases().addToCase("Household 12", List.of(a)), "already in it");
            assertEquals(1, s.cases().addToCase("Brigade 3", List.of(a)));
            s.cases().setValue(s.cases().resolveCase("household 12"), "Banner", "Xilinhot", null);
            s.cases().setValue(s.cases().resolveCase("Brigade 3"), "Banner", "Abag", null);
            s.cases().setValue(s.cases().resolveCase("Household 12"), "Herd", "120", Attribute.Type.INTEGER);
            s.cases().setValue(b, "Herd", "95", null);

            CaseService.DocumentAttributes first = s.cases().of(a);
            assertEquals(List.of("Brigade 3", "Household 12"), first.cases());
            assertEquals(Map.of(), first.own());
            assertEquals(Map.of("Banner", "Abag; Xilinhot", "Herd", "120"), first.values(), "two cases that differ give both values");
            CaseService.DocumentAttributes second = s.cases().of(b);
            assertEquals(Map.of("Banner", "Xilinhot", "Herd", "95"), second.values(), "the document's own value wins");

            assertThrows(TamgaException.class, () -> s.cases().createCase("HOUSEHOLD 12", null), "case names are unique in any case");
            assertEquals(1, s.cases().removeFromCase(s.cases().resolveCase("Brigade 3"), List.of(a, b)));
            assertEquals(Map.of("Banner", "Xilinhot", "Herd", "120"), s.cases().of(a).values());

            s.documents().delete(b);
            assertEquals(List.of(a), s.cases().caseViews().stream().filter(v -> v.c().name().equals("Household 12"))
                    .findFirst().orElseThrow().documents(), "a deleted document leaves its cases");
            s.cases().deleteCase(s.cases().resolveCase("Household 12"));
            assertEquals(List.of("Brigade 3"), s.cases().cases().stream().map(org.tamga.model.Case::name).toList());
            assertEquals(List.of(), s.cases().of(a).cases());
            assertEquals(Map.of(), s.cases().of(a).values(), "its values went with it");
            assertEquals(1, s.documents().all().size(), "the documents stay");
        }
    }

    @Test
    void documentsAreChosenByTheirAttributesOwnOrThroughTheirCases() throws Exception {
        try (ProjectSession s = ProjectSession.create(dir.resolve("p.tamga"), dir.resolve("cache"))) {
            Document a = SessionFixtures.importText(s, dir, "a", "受访者：草场退化了。");
            Document b = SessionFixtures.importText(s, dir, "b", "受访者：我们卖了二十只羊。");
            Document c = SessionFixtures.importText(s, dir, "c", "Respondent: the subsidy came late.");
            s.cases().setValue(a, "Gender · 性别", "女", null);
            s.cases().setValue(c, "gender · 性别", "女", null);
            s.cases().setValue(b, "Gender · 性别", "男", null);
            s.cases().setValue(a, "Age", "54", Attribute.Type.INTEGER);
            s.cases().setValue(c, "Age", "31", null);
            s.cases().addToCase("Xilinhot households", List.of(a, b));
            s.cases().addToCase("Abag households", List.of(a));
            s.cases().setValue(s.cases().resolveCase("Xilinhot households"), "Banner", "Xilinhot", null);
            s.cases().setValue(s.cases().resolveCase("Abag households"), "Banner", "Abag", null);

            assertEquals(List.of(a, c), s.cases().documentsWhere(Map.of("GENDER · 性别", "女")), "names in any case");
            assertEquals(List.of(a), s.cases().documentsWhere(Map.of("Gender · 性别", "女", "Age", "054")), "all must hold; 054 is 54");
            assertEquals(List.of(a, b), s.cases().documentsWhere(Map.of("Banner", "xilinhot")), "through the case, text in any case");
            assertEquals(List.of(a), s.cases().documentsWhere(Map.of("Banner", "Abag")), "either of two cases' values");
            TamgaException none = assertThrows(TamgaException.class, () -> s.cases().documentsWhere(Map.of("Age", "99")));
            assertEquals("No document has Age = 99.", none.getMessage(), "never an empty list, which would mean every document");
            assertThrows(TamgaException.class, () -> s.cases().documentsWhere(Map.of("Age", "old")), "not a number");
            assertThrows(TamgaException.class, () -> s.cases().documentsWhere(Map.of("Height", "1")), "no such attribute");
        }
    }
}
