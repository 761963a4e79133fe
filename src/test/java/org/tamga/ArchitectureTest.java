package org.tamga;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

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
                        "org.tamga.core..", "org.tamga.exchange..", "org.tamga.report..", "org.tamga.util..", "org.tamga.bench..")
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

    /**
     * The layers of ADR 1, every package in one: the launcher on top; the two faces (window, command
     * line) and the benchmark the command line starts; the core services; below them the store
     * (only JDBC user), the index (only Lucene user) and the file formats (exchange, report); the
     * model and small utilities at the bottom. A layer is used only by the layers above it.
     */
    @Test
    void layersUseOnlyTheLayersBelowThem() {
        layeredArchitecture().consideringOnlyDependenciesInLayers()
                .layer("Launcher").definedBy("org.tamga")
                .layer("Window").definedBy("org.tamga.gui..")
                .layer("CommandLine").definedBy("org.tamga.cli..")
                .layer("Benchmark").definedBy("org.tamga.bench..")
                .layer("Core").definedBy("org.tamga.core..")
                .layer("Store").definedBy("org.tamga.store..")
                .layer("Index").definedBy("org.tamga.index..")
                .layer("Formats").definedBy("org.tamga.exchange..", "org.tamga.report..")
                .layer("Model").definedBy("org.tamga.model..")
                .layer("Util").definedBy("org.tamga.util..")
                .whereLayer("Launcher").mayNotBeAccessedByAnyLayer()
                .whereLayer("Window").mayOnlyBeAccessedByLayers("Launcher")
                .whereLayer("CommandLine").mayOnlyBeAccessedByLayers("Launcher")
                .whereLayer("Benchmark").mayOnlyBeAccessedByLayers("CommandLine")
                .whereLayer("Core").mayOnlyBeAccessedByLayers("Launcher", "Window", "CommandLine", "Benchmark")
                .whereLayer("Store").mayOnlyBeAccessedByLayers("Core", "Benchmark")
                .whereLayer("Index").mayOnlyBeAccessedByLayers("Core")
                .whereLayer("Formats").mayOnlyBeAccessedByLayers("Core", "Window", "CommandLine", "Benchmark")
                .whereLayer("Model").mayOnlyBeAccessedByLayers("Launcher", "Window", "CommandLine", "Benchmark", "Core", "Store", "Index", "Formats", "Util")
                .ensureAllClassesAreContainedInArchitecture()
                .check(classes);
    }

    @Test
    void packagesHaveNoCycles() {
        slices().matching("org.tamga.(*)..").should().beFreeOfCycles().check(classes);
    }

    /**
     * The benchmark ({@code tamga bench}) is a face over the core services, like the command line that
     * starts it. Its one exception: the SQLite FTS5 baseline it measures Tamga against needs JDBC, so it
     * lives in the store ({@code store.Fts5Baseline}, its own database file, never a project), and the
     * bench may use that class of the store and no other. Nothing but the command line depends on the
     * bench, and nothing but the bench uses the baseline. See docs/adr/0031-benchmarks.md.
     */
    @Test
    void theBenchmarkUsesTheStoreOnlyForItsFts5Baseline() {
        noClasses().that().resideInAPackage("org.tamga.bench..")
                .should().dependOnClassesThat(com.tngtech.archunit.base.DescribedPredicate.describe("are store classes other than Fts5Baseline",
                        (com.tngtech.archunit.core.domain.JavaClass c) -> c.getPackageName().startsWith("org.tamga.store")
                                && !c.getName().startsWith("org.tamga.store.Fts5Baseline")))
                .check(classes);
        noClasses().that().resideInAPackage("org.tamga.bench..")
                .should().dependOnClassesThat().resideInAnyPackage("org.tamga.index..", "org.tamga.gui..", "org.tamga.cli..")
                .check(classes);
        noClasses().that().resideOutsideOfPackages("org.tamga.bench..", "org.tamga.cli..")
                .should().dependOnClassesThat().resideInAPackage("org.tamga.bench..")
                .check(classes);
        noClasses().that().resideOutsideOfPackages("org.tamga.bench..", "org.tamga.store..")
                .should().dependOnClassesThat().haveFullyQualifiedName("org.tamga.store.Fts5Baseline")
                .check(classes);
    }
}
