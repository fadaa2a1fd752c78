package cn.gdeea.examphoto.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noFields;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Layering rules inside the modules that {@link ModulesTests} does not express: the face engine and
 * the image decoder know nothing of the service around them.
 */
class ArchitectureTests {

    private static final String ROOT = "cn.gdeea.examphoto";
    private static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages(ROOT);

    @Test
    void theFaceEngineKnowsNothingOfTheService() {
        noClasses().that().resideInAPackage(ROOT + ".face..")
                .should().dependOnClassesThat().resideInAnyPackage(ROOT + ".photo..", ROOT + ".verification..",
                        ROOT + ".candidate..", ROOT + ".review..", ROOT + ".staff..", ROOT + ".web..",
                        ROOT + ".security..", ROOT + ".storage..")
                .check(CLASSES);
    }

    @Test
    void imageDecodingKnowsNothingOfFacesOrTheService() {
        noClasses().that().resideInAPackage(ROOT + ".image..")
                .should().dependOnClassesThat().resideInAnyPackage(ROOT + ".face..", ROOT + ".photo..",
                        ROOT + ".candidate..", ROOT + ".staff..", ROOT + ".storage..")
                .check(CLASSES);
    }

    @Test
    void dependenciesAreInjectedThroughConstructors() {
        noFields().should().beAnnotatedWith(Autowired.class).check(CLASSES);
    }
}
