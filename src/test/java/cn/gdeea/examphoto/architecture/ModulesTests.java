package cn.gdeea.examphoto.architecture;

import cn.gdeea.examphoto.ExamPhotoApplication;
import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

/**
 * The capability packages are Spring Modulith application modules: no cycles between them, and
 * no module reaches into another's internals. The module documentation in {@code docs/modules}
 * is written from the same model, so it cannot drift from the code.
 */
class ModulesTests {

    private static final ApplicationModules MODULES = ApplicationModules.of(ExamPhotoApplication.class);

    @Test
    void modulesHaveNoCyclesAndUseOnlyEachOthersApi() {
        MODULES.verify();
    }

    @Test
    void writesTheModuleDocumentation() {
        new Documenter(MODULES, Documenter.Options.defaults().withOutputFolder("docs/modules"))
                .writeModulesAsPlantUml()
                .writeIndividualModulesAsPlantUml()
                .writeModuleCanvases();
    }
}
