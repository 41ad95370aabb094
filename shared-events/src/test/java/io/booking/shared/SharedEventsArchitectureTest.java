package io.booking.shared;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

@AnalyzeClasses(packages = "io.booking.shared", importOptions = ImportOption.DoNotIncludeTests.class)
class SharedEventsArchitectureTest {

    /** The contract between the sides must not drag either side's framework into the other. */
    @ArchTest
    static final ArchRule dependsOnNoSpring = noClasses()
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage("org.springframework..", "jakarta.persistence..");
}
