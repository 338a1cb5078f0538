package dev.aftersales;

import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

/** The module structure holds (no cycles, only declared dependencies), and its documentation is generated. */
class ModularityTests {

    static final ApplicationModules MODULES = ApplicationModules.of(AftersalesApplication.class);

    @Test
    void modulesOnlyDependOnWhatTheyDeclare() {
        MODULES.verify();
    }

    @Test
    void writesModuleDocumentation() {
        new Documenter(MODULES).writeModulesAsPlantUml().writeIndividualModulesAsPlantUml()
                .writeModuleCanvases();
    }
}
