package org.tamga.gui;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.*;

/** The README's sections the first run links to are found in the README shipped inside Tamga. */
class ReadmeViewTest {
    @Test
    void everyLinkedSectionIsInTheShippedReadme() {
        String readme = ReadmeView.readme();
        assertNotNull(readme, "README.md is shipped in org/tamga/gui");
        for (String[] s : WelcomeView.README_SECTIONS) {
            String text = ReadmeView.section(readme, s[1]);
            assertTrue(text.length() > 200, s[1] + ": " + text);
        }
    }

    @Test
    void aSectionRunsToTheNextHeadingOrBoldParagraph() {
        String md = "# T\n\n## One\nfirst 草场\n\n**Bold** a\nb\n\n**Next** c\n## Two\nsecond\n";
        assertEquals("## One\nfirst 草场\n\n**Bold** a\nb\n\n**Next** c", ReadmeView.section(md, "One"));
        assertEquals("**Bold** a\nb", ReadmeView.section(md, "Bold"));
        assertEquals("## Two\nsecond", ReadmeView.section(md, "Two"));
        assertEquals("", ReadmeView.section(md, "Монгол"));
    }
}
