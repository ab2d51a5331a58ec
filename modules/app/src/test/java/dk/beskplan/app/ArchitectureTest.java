package dk.beskplan.app;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.util.List;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/**
 * The module rules, checked on the compiled classes of the whole application: business modules talk only
 * through contracts (messages) and use only platform plumbing; domain packages are plain Java.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ArchitectureTest {
    private static final List<String> BUSINESS_MODULES = List.of("drafting", "approval", "followup", "archive", "administration");
    private JavaClasses classes;

    @BeforeAll
    void importClasses() {
        classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("dk.beskplan");
    }

    @Test
    void businessModulesDoNotUseEachOther() {
        for (String module : BUSINESS_MODULES) {
            String[] others = BUSINESS_MODULES.stream().filter(m -> !m.equals(module))
                    .map(m -> "dk.beskplan." + m + "..").toArray(String[]::new);
            ArchRule rule = noClasses().that().resideInAPackage("dk.beskplan." + module + "..")
                    .should().dependOnClassesThat().resideInAnyPackage(others)
                    .because("modules talk only by messages (contracts), never by calling each other's classes");
            rule.check(classes);
        }
    }

    @Test
    void platformAndContractsKnowNoBusinessModule() {
        String[] business = BUSINESS_MODULES.stream().map(m -> "dk.beskplan." + m + "..").toArray(String[]::new);
        noClasses().that().resideInAnyPackage("dk.beskplan.platform..", "dk.beskplan.contracts..")
                .should().dependOnClassesThat().resideInAnyPackage(business)
                .check(classes);
    }

    @Test
    void contractsAreOnlyPlainRecords() {
        noClasses().that().resideInAPackage("dk.beskplan.contracts..")
                .should().dependOnClassesThat().resideInAnyPackage("dk.beskplan.platform..", "io.micronaut.http..",
                        "io.micronaut.data..", "jakarta.inject..", "java.sql..")
                .check(classes);
    }

    @Test
    void domainPackagesAreFreeOfFrameworks() {
        noClasses().that().resideInAPackage("dk.beskplan.*.domain..")
                .should().dependOnClassesThat().resideInAnyPackage("io.micronaut..", "jakarta..", "javax..",
                        "com.rabbitmq..", "org.flywaydb..", "java.sql..")
                .because("the domain reads like the business: policies are plain methods returning results")
                .check(classes);
    }

    /** Schemas are private too: no module's code or migrations name another module's schema. */
    @Test
    void noModuleNamesAnotherModulesSchema() throws java.io.IOException {
        java.nio.file.Path modules = java.nio.file.Path.of("..").toAbsolutePath().normalize();
        List<String> offences = new java.util.ArrayList<>();
        for (String module : BUSINESS_MODULES) {
            java.nio.file.Path main = modules.resolve(module).resolve("src/main");
            try (var files = java.nio.file.Files.walk(main)) {
                for (java.nio.file.Path file : files.filter(java.nio.file.Files::isRegularFile).toList()) {
                    String text = java.nio.file.Files.readString(file);
                    for (String other : BUSINESS_MODULES) {
                        if (!other.equals(module) && java.util.regex.Pattern.compile("\\b" + other + "\\.[a-z_]+\\b(?!\\.)")
                                .matcher(text.replaceAll("dk\\.beskplan\\.[a-z.]+|\"[a-z]+\\.[a-z-]+\"", "")).find()) {
                            offences.add(main.relativize(file) + " in " + module + " names schema " + other);
                        }
                    }
                }
            }
        }
        org.assertj.core.api.Assertions.assertThat(offences).as("cross-schema references").isEmpty();
    }

    @Test
    void onlyTheAppAssemblesModules() {
        noClasses().that().resideOutsideOfPackage("dk.beskplan.app..")
                .should().dependOnClassesThat().resideInAPackage("dk.beskplan.app..")
                .check(classes);
    }
}
