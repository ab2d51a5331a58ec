package dk.beskplan.app;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.util.List;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
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

    /** The plan document every module shares is plain Java: records, its reader and writer, on the JSON tree type only. */
    @Test
    void thePlanDocumentIsPlainJava() {
        classes().that().resideInAPackage("dk.beskplan.plandocument..")
                .should().onlyDependOnClassesThat().resideInAnyPackage("dk.beskplan.plandocument..", "java..",
                        "io.micronaut.json.tree..")
                .because("the plan is a published contract: no module, framework or storage may leak into it")
                .check(classes);
    }

    /**
     * Inside every module the same layers: the domain (plain Java) knows neither use cases nor web; the use cases
     * (application) know the domain but not the web adapters (api, pages) that call them.
     */
    @Test
    void everyModuleIsLayeredTheSameWay() {
        for (String module : BUSINESS_MODULES) {
            String root = "dk.beskplan." + module;
            noClasses().that().resideInAPackage(root + ".domain..")
                    .should().dependOnClassesThat().resideInAnyPackage(root + ".application..", root + ".api..",
                            root + ".pages..", root + ".web..")
                    .because("business rules live in the domain and know nothing of how they are used")
                    .allowEmptyShould(true).check(classes);
            noClasses().that().resideInAPackage(root + ".application..")
                    .should().dependOnClassesThat().resideInAnyPackage(root + ".api..", root + ".pages..", root + ".web..")
                    .because("use cases are called by the web adapters, never the other way round")
                    .allowEmptyShould(true).check(classes);
        }
    }

    /** A message handler is named after what it receives (On<MessageName>) and is a use case of its module. */
    @Test
    void messageHandlersAreNamedAfterTheirMessage() {
        classes().that().implement(dk.beskplan.platform.messaging.MessageHandler.class)
                .or().implement(dk.beskplan.platform.messaging.EveryMessageHandler.class)
                .and().resideInAnyPackage(BUSINESS_MODULES.stream().map(m -> "dk.beskplan." + m + "..").toArray(String[]::new))
                .should().haveSimpleNameStartingWith("On").andShould().resideInAPackage("..application..")
                .because("a newcomer finds what happens on a message by its name, e.g. OnPlanApproved")
                .check(classes);
    }

    /** Controllers and pages (the web adapters) live in web.api and web.pages; nothing else does. */
    @Test
    void webAdaptersLiveInWeb() {
        classes().that().areAnnotatedWith(io.micronaut.http.annotation.Controller.class)
                .and().resideInAnyPackage(BUSINESS_MODULES.stream().map(m -> "dk.beskplan." + m + "..").toArray(String[]::new))
                .should().resideInAnyPackage("..web.api..", "..web.pages..")
                .check(classes);
    }

    /**
     * Classes of the business modules that still use {@code Sql} without being a repository, each with the reason.
     * Shrink this list; do not grow it.
     */
    private static final java.util.Map<String, String> SQL_OUTSIDE_REPOSITORIES = java.util.Map.of();

    /** A module's SQL lives in its …Repository classes (and the listed exceptions), so a reader finds it in one place. */
    @Test
    void onlyRepositoriesUseSql() {
        noClasses().that().resideInAnyPackage(BUSINESS_MODULES.stream().map(m -> "dk.beskplan." + m + "..").toArray(String[]::new))
                .and().haveSimpleNameNotEndingWith("Repository")
                .and(com.tngtech.archunit.base.DescribedPredicate.describe("not listed in SQL_OUTSIDE_REPOSITORIES",
                        (com.tngtech.archunit.core.domain.JavaClass c) -> !SQL_OUTSIDE_REPOSITORIES.containsKey(c.getName())
                                // Micronaut's generated bean definitions ($Name$Definition…) inject what their bean does
                                && !c.getName().contains(".$")))
                .should().dependOnClassesThat().areAssignableTo(dk.beskplan.platform.persistence.Sql.class)
                .because("every module has the same shape: use cases over …Repository classes that hold the SQL")
                .check(classes);
    }

    @Test
    void onlyTheAppAssemblesModules() {
        noClasses().that().resideOutsideOfPackage("dk.beskplan.app..")
                .should().dependOnClassesThat().resideInAPackage("dk.beskplan.app..")
                .check(classes);
    }
}
