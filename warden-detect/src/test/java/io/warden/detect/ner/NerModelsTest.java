package io.warden.detect.ner;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class NerModelsTest {
    @AfterEach
    void cleanUp() {
        NerModels.unregister("lookup-test");
    }

    @Test
    void registeredFactory_createsModelWithOptions() {
        NerModelFactory factory = options -> new NerRecognizerTest.LookupTableModel(
                Map.of(options.get("phrase"), "PER"), 0.9);
        NerModels.register("lookup-test", factory);
        NerModels.register("lookup-test", factory); // same factory again: no-op
        assertThat(NerModels.names()).contains("lookup-test");
        NerModel model = NerModels.create("lookup-test", Map.of("phrase", "Ada"));
        assertThat(model.predict("Hi Ada")).containsExactly(new NerEntity(3, 6, "PER", 0.9));
    }

    @Test
    void unknownName_listsAvailable() {
        assertThatThrownBy(() -> NerModels.create("nope", Map.of()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("nope");
    }

    @Test
    void duplicateOrMalformedNames_rejected() {
        NerModels.register("lookup-test", options -> text -> List.of());
        assertThatThrownBy(() -> NerModels.register("lookup-test", options -> text -> List.of()))
                .isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> NerModels.register("Bad Name", options -> text -> List.of()))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
