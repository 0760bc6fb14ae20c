package org.tribune;

import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

/** Each feature is a module: it uses other features' public services and events, never their internals. */
class ModularityTests {
    static final ApplicationModules MODULES = ApplicationModules.of(TribuneApplication.class);

    @Test
    void featuresOnlyUseEachOthersPublicFaces() {
        MODULES.verify();
    }

    @Test
    void writesModuleDocumentation() {
        new Documenter(MODULES).writeModulesAsPlantUml().writeIndividualModulesAsPlantUml();
    }
}
