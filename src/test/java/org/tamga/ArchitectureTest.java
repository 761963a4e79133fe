package org.tamga;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/** Keeps the arrows pointing down: see docs/adr/0001-layers-and-packages.md. */
class ArchitectureTest {
    private static JavaClasses classes;

    @BeforeAll
    static void load() {
        classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS).importPackages("org.tamga");
    }

    @Test
    void coreCodeHasNoJavaFxSceneClasses() {
        noClasses().that().resideInAnyPackage("org.tamga.model..", "org.tamga.store..", "org.tamga.index..",
                        "org.tamga.core..", "org.tamga.exchange..", "org.tamga.report..", "org.tamga.util..")
                .should().dependOnClassesThat().resideInAnyPackage("javafx..")
                .check(classes);
    }

    @Test
    void onlyTheStoreSpeaksJdbc() {
        noClasses().that().resideOutsideOfPackage("org.tamga.store..")
                .should().dependOnClassesThat().resideInAnyPackage("java.sql..", "org.sqlite..")
                .check(classes);
    }

    @Test
    void onlyTheIndexSpeaksLucene() {
        noClasses().that().resideOutsideOfPackage("org.tamga.index..")
                .should().dependOnClassesThat().resideInAnyPackage("org.apache.lucene..")
                .check(classes);
    }

    @Test
    void onlyTheFormatLayerSpeaksTikaAndPdfBox() {
        noClasses().that().resideOutsideOfPackage("org.tamga.core.importing..")
                .should().dependOnClassesThat().resideInAnyPackage("org.apache.tika..", "org.apache.pdfbox..", "org.apache.poi.hwpf..")
                .check(classes);
    }

    @Test
    void theModelDependsOnNothingElseOfTamga() {
        noClasses().that().resideInAPackage("org.tamga.model..")
                .should().dependOnClassesThat().resideInAnyPackage("org.tamga.store..", "org.tamga.index..",
                        "org.tamga.core..", "org.tamga.cli..", "org.tamga.exchange..", "org.tamga.report..")
                .check(classes);
    }

    @Test
    void lowerLayersNeverCallUp() {
        noClasses().that().resideInAnyPackage("org.tamga.store..", "org.tamga.index..", "org.tamga.exchange..", "org.tamga.report..")
                .should().dependOnClassesThat().resideInAnyPackage("org.tamga.core..", "org.tamga.cli..")
                .check(classes);
        noClasses().that().resideInAPackage("org.tamga.core..")
                .should().dependOnClassesThat().resideInAPackage("org.tamga.cli..")
                .check(classes);
    }

    @Test
    void fileFormatsDependOnlyOnTheModel() {
        noClasses().that().resideInAPackage("org.tamga.exchange..")
                .should().dependOnClassesThat().resideInAnyPackage("org.tamga.store..", "org.tamga.index..", "org.tamga.report..",
                        "org.tamga.core..", "org.tamga.cli..")
                .check(classes);
    }

    @Test
    void theCommandLineGoesThroughTheCoreServices() {
        noClasses().that().resideInAPackage("org.tamga.cli..")
                .should().dependOnClassesThat().resideInAnyPackage("org.tamga.store..", "org.tamga.index..")
                .check(classes);
    }
}
