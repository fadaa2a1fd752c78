package cn.gdeea.examphoto.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noFields;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Keeps the package-per-capability boundaries of STYLE.md honest. */
class ArchitectureTests {

    private static final String ROOT = "cn.gdeea.examphoto";
    private static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages(ROOT);

    @Test
    void internalPackagesAreUsedOnlyByTheirOwnCapability() {
        classes().should(new ArchCondition<JavaClass>("use no other capability's internal package") {
            @Override
            public void check(JavaClass item, ConditionEvents events) {
                String own = capability(item.getPackageName());
                item.getDirectDependenciesFromSelf().forEach(d -> {
                    String target = d.getTargetClass().getPackageName();
                    if (target.startsWith(ROOT + ".") && target.contains(".internal")
                            && !capability(target).equals(own)) {
                        events.add(SimpleConditionEvent.violated(d, d.getDescription()));
                    }
                });
            }
        }).check(CLASSES);
    }

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

    private static String capability(String packageName) {
        String rest = packageName.length() > ROOT.length() ? packageName.substring(ROOT.length() + 1) : "";
        int dot = rest.indexOf('.');
        return dot < 0 ? rest : rest.substring(0, dot);
    }
}
